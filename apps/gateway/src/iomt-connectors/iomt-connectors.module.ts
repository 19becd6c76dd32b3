import { Module } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { IomtConnectorDeleteHandler } from './iomt-connector.delete.handler';
import { IomtConnectorGetHandler } from './iomt-connector.get.handler';
import { IomtConnectorListHandler } from './iomt-connector.list.handler';
import { IomtConnectorLookup } from './iomt-connector.lookup';
import { IomtConnectorPutHandler } from './iomt-connector.put.handler';
import { IomtConnectorResultRenderer } from './iomt-connector.result.renderer';
import { IomtConnectorsController } from './iomt-connectors.controller';

const handlers = [IomtConnectorPutHandler, IomtConnectorGetHandler, IomtConnectorDeleteHandler, IomtConnectorListHandler];

/** The IoMT connectors use case; exports the connector lookup for mappings and connections. */
@Module({
  imports: [GatewayCoreModule],
  controllers: [IomtConnectorsController],
  providers: [...handlers, IomtConnectorLookup, IomtConnectorResultRenderer],
  exports: [IomtConnectorLookup, IomtConnectorResultRenderer],
})
export class IomtConnectorsModule {}
