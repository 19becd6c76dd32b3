import { DynamicModule, Module } from '@nestjs/common';
import { AzureModule, azureOptionsFromConfig } from '@iomt/azure';
import { CLOCK, OPERATION_PUBLISHER, systemClock } from '@iomt/domain';
import {
  CosmosOperationRepository,
  GLOBAL_DB_CONTAINERS,
  GLOBAL_DB_READINESS,
  GlobalDbContainers,
  PersistenceModule,
  persistenceOptionsFromConfig,
} from '@iomt/persistence';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ADMISSION_SNAPSHOTS } from '../ports/admission-snapshot.port';
import { ADMISSION_STORE } from '../ports/admission-store.port';
import { FHIR_SERVICE_NAME_CLAIMS } from '../ports/fhir-service-name-claims.port';
import { FHIR_SERVICE_QUERIES } from '../ports/fhir-service-queries.port';
import { SUBSCRIPTION_REGISTRATION_REPOSITORY } from '../ports/subscription-registration.repository.port';
import { SYSTEM_DATA_REPOSITORY } from '../ports/system-data.repository.port';
import { CosmosAdmissionSnapshots } from './cosmos/cosmos-admission-snapshots';
import { CosmosAdmissionStore } from './cosmos/cosmos-admission.store';
import { CosmosFhirServiceNameClaims } from './cosmos/cosmos-fhir-service-name-claims';
import { CosmosFhirServiceQueries } from './cosmos/cosmos-fhir-service.queries';
import { CosmosSubscriptionRegistrationRepository } from './cosmos/cosmos-subscription-registration.repository';
import { CosmosSystemDataRepository } from './cosmos/cosmos-system-data.repository';
import { withLocalPublishFaults } from './publish-fault.publisher';
import { ServiceBusPublisherConnection } from './service-bus.publisher';

const onAccountRegistry = <T>(provide: symbol, create: (containers: GlobalDbContainers) => T) => ({
  provide,
  inject: [GLOBAL_DB_CONTAINERS],
  useFactory: create,
});

const gatewayPorts = [
  onAccountRegistry(FHIR_SERVICE_QUERIES, (c) => new CosmosFhirServiceQueries(c.accountRegistry)),
  onAccountRegistry(FHIR_SERVICE_NAME_CLAIMS, (c) => new CosmosFhirServiceNameClaims(c.accountRegistry)),
  onAccountRegistry(ADMISSION_SNAPSHOTS, (c) => new CosmosAdmissionSnapshots(c.accountRegistry)),
  onAccountRegistry(ADMISSION_STORE, (c) => new CosmosAdmissionStore(new CosmosOperationRepository(c.accountRegistry))),
  onAccountRegistry(SUBSCRIPTION_REGISTRATION_REPOSITORY, (c) => new CosmosSubscriptionRegistrationRepository(c.accountRegistry)),
  onAccountRegistry(SYSTEM_DATA_REPOSITORY, (c) => new CosmosSystemDataRepository(c.accountRegistry)),
];

const azure = AzureModule.forRootAsync({ inject: [GATEWAY_CONFIG], useFactory: (config: GatewayConfig) => azureOptionsFromConfig(config) });

const persistence = PersistenceModule.forRootAsync({
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig) => persistenceOptionsFromConfig(config),
});

/**
 * The real adapters: the domain's persistence ports on the Global DB (`PersistenceModule`), the
 * gateway's own queries and stores on its account registry container, the operation publisher on
 * Service Bus, and the key manager on ARM (`AzureModule`; connection keys are read on demand).
 * Global, so every use-case module sees the ports.
 */
@Module({})
export class GatewayInfrastructureModule {
  static forRoot(): DynamicModule {
    return {
      module: GatewayInfrastructureModule,
      global: true,
      imports: [persistence, azure],
      providers: [
        ...gatewayPorts,
        ServiceBusPublisherConnection,
        {
          provide: OPERATION_PUBLISHER,
          inject: [ServiceBusPublisherConnection, GATEWAY_CONFIG],
          useFactory: (c: ServiceBusPublisherConnection, config: GatewayConfig) => withLocalPublishFaults(c.publisher, config.HOST),
        },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [persistence, azure, ...gatewayPorts.map((p) => p.provide), OPERATION_PUBLISHER, CLOCK],
    };
  }
}

/** Readiness of the real infrastructure: the Global DB can be read. */
export const GATEWAY_READINESS_INDICATORS = [GLOBAL_DB_READINESS];
