import { Delete, Get, Param, Patch, Put } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmController, ArmResourceType } from '../arm/arm-route.decorators';
import { ArmPath } from '../arm/arm-paths';
import { FhirServiceDeleteHandler } from './fhir-service.delete.handler';
import { FhirServiceGetHandler } from './fhir-service.get.handler';
import { FhirServiceListHandler } from './fhir-service.list.handler';
import type { FhirServiceParams } from './fhir-service.params';
import { FhirServicePatchHandler } from './fhir-service.patch.handler';
import { FhirServicePutHandler } from './fhir-service.put.handler';

/** `Microsoft.HealthcareApis/services` (Azure API for FHIR accounts). */
@ArmController()
@ArmResourceType(HealthcareResourceType.FhirService)
export class FhirServicesController {
  constructor(
    private readonly putHandler: FhirServicePutHandler,
    private readonly patchHandler: FhirServicePatchHandler,
    private readonly getHandler: FhirServiceGetHandler,
    private readonly deleteHandler: FhirServiceDeleteHandler,
    private readonly listHandler: FhirServiceListHandler,
  ) {}

  @Put(ArmPath.Service)
  put(@Param() params: FhirServiceParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.putHandler.handle(params, arm);
  }

  @Patch(ArmPath.Service)
  patch(@Param() params: FhirServiceParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.patchHandler.handle(params, arm);
  }

  @Get(ArmPath.Service)
  get(@Param() params: FhirServiceParams): Promise<ArmResponse> {
    return this.getHandler.handle(params);
  }

  @Delete(ArmPath.Service)
  delete(@Param() params: FhirServiceParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.deleteHandler.handle(params, arm);
  }

  @Get(ArmPath.ServicesInResourceGroup)
  listByResourceGroup(
    @Param('subscriptionId') subscriptionId: string,
    @Param('resourceGroupName') resourceGroupName: string,
    @Arm() arm: ArmRequest,
  ): Promise<ArmResponse> {
    return this.listHandler.handle(subscriptionId, resourceGroupName, arm);
  }

  @Get(ArmPath.ServicesInSubscription)
  listBySubscription(@Param('subscriptionId') subscriptionId: string, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.listHandler.handle(subscriptionId, undefined, arm);
  }
}
