import { Param, Put } from '@nestjs/common';
import { SUBSCRIPTION_LIFECYCLE_API_VERSION } from '@iomt/domain';
import { ArmPath } from '../arm/arm-paths';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmApiVersions, ArmController } from '../arm/arm-route.decorators';
import { SubscriptionPutHandler } from './subscription.put.handler';

/** ARM's subscription lifecycle notifications. */
@ArmController()
export class SubscriptionLifecycleController {
  constructor(private readonly putHandler: SubscriptionPutHandler) {}

  @Put(ArmPath.Subscription)
  @ArmApiVersions(SUBSCRIPTION_LIFECYCLE_API_VERSION)
  put(@Param('subscriptionId') subscriptionId: string, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.putHandler.handle(subscriptionId, arm);
  }
}
