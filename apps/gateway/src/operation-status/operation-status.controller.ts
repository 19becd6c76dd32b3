import { Get, Param } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { ArmPath } from '../arm/arm-paths';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmController, ArmResourceType } from '../arm/arm-route.decorators';
import type { OperationStatusParams } from './operation-lookup';
import { OperationResultGetHandler } from './operation-result.get.handler';
import { OperationStatusGetHandler } from './operation-status.get.handler';

/** The status URLs of long-running operations, subscription-scoped. */
@ArmController()
export class OperationStatusController {
  constructor(
    private readonly statusHandler: OperationStatusGetHandler,
    private readonly resultHandler: OperationResultGetHandler,
  ) {}

  @Get(ArmPath.OperationStatus)
  @ArmResourceType(HealthcareResourceType.OperationStatus)
  status(@Param() params: OperationStatusParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.statusHandler.handle(params, arm);
  }

  @Get(ArmPath.OperationResult)
  @ArmResourceType(HealthcareResourceType.OperationResult)
  result(@Param() params: OperationStatusParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.resultHandler.handle(params, arm);
  }
}
