import { Module } from '@nestjs/common';
import { AzureModule, azureOptionsFromConfig } from '@iomt/azure';
import { GLOBAL_DB_READINESS, PersistenceModule, persistenceOptionsFromConfig } from '@iomt/persistence';
import { HealthModule } from '@iomt/service-kit';
import { fhirCommandsProgressProvider, fhirCommandsServerProvider } from './commands-consumer';
import { FHIR_PROVISIONER_CONFIG } from './config';
import { DeprovisionFhirServiceHandler } from './deprovision-fhir-service/deprovision-fhir-service.handler';
import { DeprovisionFhirServiceUseCase } from './deprovision-fhir-service/deprovision-fhir-service.use-case';
import { infrastructureProviders } from './infrastructure.providers';
import { PatchFhirServiceHandler } from './patch-fhir-service/patch-fhir-service.handler';
import { PatchFhirServiceUseCase } from './patch-fhir-service/patch-fhir-service.use-case';
import { ProvisionFhirServiceHandler } from './provision-fhir-service/provision-fhir-service.handler';
import { ProvisionFhirServiceUseCase } from './provision-fhir-service/provision-fhir-service.use-case';
import { regionMetadataProvider } from './shared/region-metadata.provider';

// One instance for both importers, so Nest builds one Cosmos client.
const persistence = PersistenceModule.forRootAsync({ inject: [FHIR_PROVISIONER_CONFIG], useFactory: persistenceOptionsFromConfig });

/** Root module of the fhir-provisioner service: the worker that deploys, changes and removes FHIR services. */
@Module({
  imports: [
    persistence,
    AzureModule.forRootAsync({ inject: [FHIR_PROVISIONER_CONFIG], useFactory: azureOptionsFromConfig }),
    HealthModule.forRoot({ imports: [persistence], indicators: [GLOBAL_DB_READINESS] }),
  ],
  controllers: [ProvisionFhirServiceHandler, PatchFhirServiceHandler, DeprovisionFhirServiceHandler],
  providers: [
    ...infrastructureProviders,
    regionMetadataProvider,
    fhirCommandsServerProvider,
    fhirCommandsProgressProvider,
    ProvisionFhirServiceUseCase,
    PatchFhirServiceUseCase,
    DeprovisionFhirServiceUseCase,
  ],
})
export class AppModule {}
