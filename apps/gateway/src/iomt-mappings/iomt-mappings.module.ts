import { Module } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { IomtConnectorsModule } from '../iomt-connectors/iomt-connectors.module';
import { IomtMappingGetHandler } from './iomt-mapping.get.handler';
import { IomtMappingPutHandler } from './iomt-mapping.put.handler';
import { IomtMappingResultRenderer } from './iomt-mapping.result.renderer';
import { IomtMappingsController } from './iomt-mappings.controller';

/** The connector mappings use case. */
@Module({
  imports: [GatewayCoreModule, IomtConnectorsModule],
  controllers: [IomtMappingsController],
  providers: [IomtMappingPutHandler, IomtMappingGetHandler, IomtMappingResultRenderer],
  exports: [IomtMappingResultRenderer],
})
export class IomtMappingsModule {}
