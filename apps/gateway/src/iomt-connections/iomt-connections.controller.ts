import { Delete, Get, Param, Post, Put } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { ArmPath } from '../arm/arm-paths';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmController, ArmResourceType } from '../arm/arm-route.decorators';
import type { IomtConnectorParams } from '../iomt-connectors/iomt-connector.params';
import { IomtConnectionDeleteHandler } from './iomt-connection.delete.handler';
import { IomtConnectionGetHandler } from './iomt-connection.get.handler';
import { IomtConnectionListKeysHandler } from './iomt-connection.list-keys.handler';
import { IomtConnectionListHandler } from './iomt-connection.list.handler';
import type { IomtConnectionParams } from './iomt-connection.params';
import { IomtConnectionPutHandler } from './iomt-connection.put.handler';
import { IomtConnectionRegenerateKeyHandler } from './iomt-connection.regenerate-key.handler';

/** `Microsoft.HealthcareApis/services/iomtconnectors/connections` and their key actions. */
@ArmController()
@ArmResourceType(HealthcareResourceType.IomtConnection)
export class IomtConnectionsController {
  constructor(
    private readonly putHandler: IomtConnectionPutHandler,
    private readonly getHandler: IomtConnectionGetHandler,
    private readonly deleteHandler: IomtConnectionDeleteHandler,
    private readonly listHandler: IomtConnectionListHandler,
    private readonly listKeysHandler: IomtConnectionListKeysHandler,
    private readonly regenerateKeyHandler: IomtConnectionRegenerateKeyHandler,
  ) {}

  @Put(ArmPath.Connection)
  put(@Param() params: IomtConnectionParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.putHandler.handle(params, arm);
  }

  @Get(ArmPath.Connection)
  get(@Param() params: IomtConnectionParams): Promise<ArmResponse> {
    return this.getHandler.handle(params);
  }

  @Delete(ArmPath.Connection)
  delete(@Param() params: IomtConnectionParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.deleteHandler.handle(params, arm);
  }

  @Get(ArmPath.Connections)
  list(@Param() params: IomtConnectorParams): Promise<ArmResponse> {
    return this.listHandler.handle(params);
  }

  @Post(ArmPath.ConnectionListKeys)
  listKeys(@Param() params: IomtConnectionParams): Promise<ArmResponse> {
    return this.listKeysHandler.handle(params);
  }

  @Post(ArmPath.ConnectionRegenerateKey)
  regenerateKey(@Param() params: IomtConnectionParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.regenerateKeyHandler.handle(params, arm);
  }
}
