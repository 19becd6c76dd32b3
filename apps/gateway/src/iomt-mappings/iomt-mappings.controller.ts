import { Get, Param, Put } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { ArmPath } from '../arm/arm-paths';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmController, ArmResourceType } from '../arm/arm-route.decorators';
import { IomtMappingGetHandler } from './iomt-mapping.get.handler';
import type { IomtMappingParams } from './iomt-mapping.params';
import { IomtMappingPutHandler } from './iomt-mapping.put.handler';

/** `Microsoft.HealthcareApis/services/iomtconnectors/mappings` (deviceMapping, fhirMapping). */
@ArmController()
@ArmResourceType(HealthcareResourceType.IomtMapping)
export class IomtMappingsController {
  constructor(
    private readonly putHandler: IomtMappingPutHandler,
    private readonly getHandler: IomtMappingGetHandler,
  ) {}

  @Put(ArmPath.Mapping)
  put(@Param() params: IomtMappingParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.putHandler.handle(params, arm);
  }

  @Get(ArmPath.Mapping)
  get(@Param() params: IomtMappingParams): Promise<ArmResponse> {
    return this.getHandler.handle(params);
  }
}
