import { Get, Param } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { AdminPath } from '../admin/admin-paths';
import { AdminController } from '../admin/admin-route.decorators';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmResourceType } from '../arm/arm-route.decorators';
import type { OperationStatusParams } from './operation-lookup';
import { OperationResultGetHandler } from './operation-result.get.handler';
import { OperationStatusGetHandler } from './operation-status.get.handler';

/** The status URLs of operations operators started on the admin API (the same answers as ARM's, behind the admin credential). */
@AdminController()
export class AdminOperationStatusController {
  constructor(
    private readonly statusHandler: OperationStatusGetHandler,
    private readonly resultHandler: OperationResultGetHandler,
  ) {}

  @Get(AdminPath.OperationStatus)
  @ArmResourceType(HealthcareResourceType.OperationStatus)
  status(@Param() params: OperationStatusParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.statusHandler.handle(params, arm);
  }

  @Get(AdminPath.OperationResult)
  @ArmResourceType(HealthcareResourceType.OperationResult)
  result(@Param() params: OperationStatusParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.resultHandler.handle(params, arm);
  }
}
