import { Delete, Get, Param, Put } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { ArmPath } from '../arm/arm-paths';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmController, ArmResourceType } from '../arm/arm-route.decorators';
import type { FhirServiceParams } from '../fhir-services/fhir-service.params';
import { IomtConnectorDeleteHandler } from './iomt-connector.delete.handler';
import { IomtConnectorGetHandler } from './iomt-connector.get.handler';
import { IomtConnectorListHandler } from './iomt-connector.list.handler';
import type { IomtConnectorParams } from './iomt-connector.params';
import { IomtConnectorPutHandler } from './iomt-connector.put.handler';

/** `Microsoft.HealthcareApis/services/iomtconnectors` (2020-05-01-preview). */
@ArmController()
@ArmResourceType(HealthcareResourceType.IomtConnector)
export class IomtConnectorsController {
  constructor(
    private readonly putHandler: IomtConnectorPutHandler,
    private readonly getHandler: IomtConnectorGetHandler,
    private readonly deleteHandler: IomtConnectorDeleteHandler,
    private readonly listHandler: IomtConnectorListHandler,
  ) {}

  @Put(ArmPath.Connector)
  put(@Param() params: IomtConnectorParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.putHandler.handle(params, arm);
  }

  @Get(ArmPath.Connector)
  get(@Param() params: IomtConnectorParams): Promise<ArmResponse> {
    return this.getHandler.handle(params);
  }

  @Delete(ArmPath.Connector)
  delete(@Param() params: IomtConnectorParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.deleteHandler.handle(params, arm);
  }

  @Get(ArmPath.Connectors)
  list(@Param() params: FhirServiceParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.listHandler.handle(params, arm);
  }
}
