import { Module } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { FhirServiceDeleteHandler } from './fhir-service.delete.handler';
import { FhirServiceDeprovisioner } from './fhir-service.deprovisioner';
import { FhirServiceGetHandler } from './fhir-service.get.handler';
import { FhirServiceListHandler } from './fhir-service.list.handler';
import { FhirServicePatchHandler } from './fhir-service.patch.handler';
import { FhirServicePutHandler } from './fhir-service.put.handler';
import { FhirServiceResultRenderer } from './fhir-service.result.renderer';
import { FhirServicesController } from './fhir-services.controller';

const handlers = [FhirServicePutHandler, FhirServicePatchHandler, FhirServiceGetHandler, FhirServiceDeleteHandler, FhirServiceListHandler];

/** The FHIR services use case. */
@Module({
  imports: [GatewayCoreModule],
  controllers: [FhirServicesController],
  providers: [...handlers, FhirServiceDeprovisioner, FhirServiceResultRenderer],
  exports: [FhirServiceDeprovisioner, FhirServiceResultRenderer],
})
export class FhirServicesModule {}
