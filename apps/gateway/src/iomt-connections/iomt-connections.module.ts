import { Module } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { IomtConnectorsModule } from '../iomt-connectors/iomt-connectors.module';
import { IomtConnectionDeleteHandler } from './iomt-connection.delete.handler';
import { IomtConnectionGetHandler } from './iomt-connection.get.handler';
import { IomtConnectionKeyTargets } from './iomt-connection.keys';
import { IomtConnectionListKeysHandler } from './iomt-connection.list-keys.handler';
import { IomtConnectionListHandler } from './iomt-connection.list.handler';
import { IomtConnectionPutHandler } from './iomt-connection.put.handler';
import { IomtConnectionRegenerateKeyHandler } from './iomt-connection.regenerate-key.handler';
import { IomtConnectionResultRenderer } from './iomt-connection.result.renderer';
import { IomtConnectionsController } from './iomt-connections.controller';

const handlers = [
  IomtConnectionPutHandler,
  IomtConnectionGetHandler,
  IomtConnectionDeleteHandler,
  IomtConnectionListHandler,
  IomtConnectionListKeysHandler,
  IomtConnectionRegenerateKeyHandler,
];

/** The connector connections use case, with their keys read from Azure on demand. */
@Module({
  imports: [GatewayCoreModule, IomtConnectorsModule],
  controllers: [IomtConnectionsController],
  providers: [...handlers, IomtConnectionKeyTargets, IomtConnectionResultRenderer],
  exports: [IomtConnectionResultRenderer],
})
export class IomtConnectionsModule {}
