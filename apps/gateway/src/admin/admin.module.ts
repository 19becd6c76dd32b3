import { Module } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { ConnectorAdminController } from './admin.controller';
import { ConnectorRotateKeysHandler } from './connector-rotate-keys.handler';

/** The operators' admin API (`/admin/...`): forcing a connector's key rotation. */
@Module({
  imports: [GatewayCoreModule],
  controllers: [ConnectorAdminController],
  providers: [ConnectorRotateKeysHandler],
})
export class AdminModule {}
