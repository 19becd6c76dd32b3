import { Param, Post } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmResourceType } from '../arm/arm-route.decorators';
import type { IomtConnectorParams } from '../iomt-connectors/iomt-connector.params';
import { AdminPath } from './admin-paths';
import { AdminController } from './admin-route.decorators';
import { ConnectorRotateKeysHandler } from './connector-rotate-keys.handler';

/** The operators' actions on connectors (admin credential only). */
@AdminController()
@ArmResourceType(HealthcareResourceType.IomtConnector)
export class ConnectorAdminController {
  constructor(private readonly rotateKeysHandler: ConnectorRotateKeysHandler) {}

  @Post(AdminPath.ConnectorRotateKeys)
  rotateKeys(@Param() params: IomtConnectorParams, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.rotateKeysHandler.handle(params, arm);
  }
}
