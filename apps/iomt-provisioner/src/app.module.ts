import { Module } from '@nestjs/common';
import { AzureModule, azureOptionsFromConfig } from '@iomt/azure';
import { GLOBAL_DB_READINESS, PersistenceModule, persistenceOptionsFromConfig } from '@iomt/persistence';
import { HealthModule } from '@iomt/service-kit';
import { iomtCommandsProgressProvider, iomtCommandsServerProvider } from './commands-consumer';
import { IOMT_PROVISIONER_CONFIG } from './config';
import { CreateConnectionHandler } from './create-connection/create-connection.handler';
import { CreateConnectionUseCase } from './create-connection/create-connection.use-case';
import { DeleteConnectionHandler } from './delete-connection/delete-connection.handler';
import { DeleteConnectionUseCase } from './delete-connection/delete-connection.use-case';
import { DeprovisionConnectorHandler } from './deprovision-connector/deprovision-connector.handler';
import { DeprovisionConnectorUseCase } from './deprovision-connector/deprovision-connector.use-case';
import { infrastructureProviders } from './infrastructure.providers';
import { ProvisionConnectorHandler } from './provision-connector/provision-connector.handler';
import { ProvisionConnectorUseCase } from './provision-connector/provision-connector.use-case';
import { PutMappingHandler } from './put-mapping/put-mapping.handler';
import { PutMappingUseCase } from './put-mapping/put-mapping.use-case';

// One instance for both importers, so Nest builds one Cosmos client.
const persistence = PersistenceModule.forRootAsync({ inject: [IOMT_PROVISIONER_CONFIG], useFactory: persistenceOptionsFromConfig });

/** Root module of the iomt-provisioner service: the worker that deploys IoMT connectors, their mappings and connections. */
@Module({
  imports: [
    persistence,
    AzureModule.forRootAsync({ inject: [IOMT_PROVISIONER_CONFIG], useFactory: azureOptionsFromConfig }),
    HealthModule.forRoot({ imports: [persistence], indicators: [GLOBAL_DB_READINESS] }),
  ],
  controllers: [
    ProvisionConnectorHandler,
    DeprovisionConnectorHandler,
    PutMappingHandler,
    CreateConnectionHandler,
    DeleteConnectionHandler,
  ],
  providers: [
    ...infrastructureProviders,
    iomtCommandsServerProvider,
    iomtCommandsProgressProvider,
    ProvisionConnectorUseCase,
    DeprovisionConnectorUseCase,
    PutMappingUseCase,
    CreateConnectionUseCase,
    DeleteConnectionUseCase,
  ],
})
export class AppModule {}
