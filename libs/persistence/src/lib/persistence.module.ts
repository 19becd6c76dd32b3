import type { TokenCredential } from '@azure/core-auth';
import type { CosmosClient } from '@azure/cosmos';
import { DynamicModule, Inject, Injectable, InjectionToken, Module, ModuleMetadata, OnApplicationShutdown, OptionalFactoryDependency, Provider } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  CLUSTER_METADATA_REPOSITORY,
  MAPPING_STORE,
  MappingStore,
  OPERATION_REPOSITORY,
  SECRET_METADATA_REPOSITORY,
} from '@iomt/domain';
import { PersistenceOptions, PersistenceOptionsInput, persistenceOptionsSchema } from './config/persistence.config';
import { CosmosClusterMetadataRepository } from './cluster/cosmos-cluster-metadata.repository';
import { createCosmosClient } from './cosmos/cosmos-client.factory';
import { ensureGlobalDb, GlobalDbContainers } from './cosmos/ensure-global-db';
import { globalDbReadiness } from './cosmos/global-db.readiness';
import { BlobMappingStore } from './mapping/blob-mapping.store';
import { ConnectorAccountMappingLocator } from './mapping/connector-account.mapping-locator';
import { SharedAccountMappingLocator } from './mapping/mapping-locator';
import { unconfiguredMappingStore } from './mapping/unconfigured-mapping.store';
import { CosmosOperationRepository } from './operations/cosmos-operation.repository';
import { CosmosAccountRegistryManagementRepository } from './registry/cosmos-account-registry-management.repository';
import { CosmosSecretMetadataRepository } from './secrets/cosmos-secret-metadata.repository';
import { COSMOS_CLIENT, GLOBAL_DB_CONTAINERS, GLOBAL_DB_READINESS, PERSISTENCE_OPTIONS } from './persistence.tokens';

/** How `PersistenceModule.forRootAsync` gets its options, typically from the service's config. */
export interface PersistenceModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly useFactory: (...args: never[]) => PersistenceOptionsInput | Promise<PersistenceOptionsInput>;
  readonly inject?: (InjectionToken | OptionalFactoryDependency)[];
  /** Credential for each connector's own storage account, used when no shared connection string is set. */
  readonly mappingStorageCredential?: TokenCredential;
}

/** Validates options, naming each bad setting without echoing values (the key is a secret). */
export function parsePersistenceOptions(input: unknown): PersistenceOptions {
  const result = persistenceOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`);
  throw new Error(`Invalid persistence options: ${problems.join('; ')}`);
}

/** Disposes the Cosmos client (timers, keep-alive sockets) when the application shuts down. */
@Injectable()
class CosmosClientLifecycle implements OnApplicationShutdown {
  constructor(@Inject(COSMOS_CLIENT) private readonly client: CosmosClient) {}

  onApplicationShutdown(): void {
    this.client.dispose();
  }
}

function mappingStoreOf(options: PersistenceOptions, registry: CosmosAccountRegistryManagementRepository, credential?: TokenCredential): MappingStore {
  const { connectionString, accountUrlTemplate } = options.mappingStorage;
  if (connectionString !== undefined) return new BlobMappingStore(new SharedAccountMappingLocator(connectionString));
  if (credential !== undefined) return new BlobMappingStore(new ConnectorAccountMappingLocator(registry, accountUrlTemplate, credential));
  return unconfiguredMappingStore;
}

const repositories: Provider[] = [
  {
    provide: ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
    useFactory: (c: GlobalDbContainers, o: PersistenceOptions) =>
      new CosmosAccountRegistryManagementRepository(c.accountRegistry, o.globalDb.deletedDocumentTtlSeconds),
    inject: [GLOBAL_DB_CONTAINERS, PERSISTENCE_OPTIONS],
  },
  { provide: ACCOUNT_REGISTRY_READ_REPOSITORY, useExisting: ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY },
  { provide: OPERATION_REPOSITORY, useFactory: (c: GlobalDbContainers) => new CosmosOperationRepository(c.accountRegistry), inject: [GLOBAL_DB_CONTAINERS] },
  {
    provide: SECRET_METADATA_REPOSITORY,
    useFactory: (c: GlobalDbContainers) => new CosmosSecretMetadataRepository(c.accountRegistry),
    inject: [GLOBAL_DB_CONTAINERS],
  },
  {
    provide: CLUSTER_METADATA_REPOSITORY,
    useFactory: (c: GlobalDbContainers) => new CosmosClusterMetadataRepository(c.clusterMetadata),
    inject: [GLOBAL_DB_CONTAINERS],
  },
  { provide: GLOBAL_DB_READINESS, useFactory: globalDbReadiness, inject: [GLOBAL_DB_CONTAINERS] },
];

/**
 * Binds the domain's persistence ports to the Cosmos DB and Blob Storage adapters:
 * `PersistenceModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c) => persistenceOptionsFromConfig(c) })`.
 * At start it validates the options, builds one `CosmosClient` and creates the database and
 * containers when missing; on shutdown it disposes the client.
 * @publicApi
 */
@Module({})
export class PersistenceModule {
  static forRootAsync(options: PersistenceModuleAsyncOptions): DynamicModule {
    const providers: Provider[] = [
      {
        provide: PERSISTENCE_OPTIONS,
        useFactory: async (...args: unknown[]) => parsePersistenceOptions(await options.useFactory(...(args as never[]))),
        inject: options.inject ?? [],
      },
      { provide: COSMOS_CLIENT, useFactory: (o: PersistenceOptions) => createCosmosClient(o.globalDb), inject: [PERSISTENCE_OPTIONS] },
      {
        provide: GLOBAL_DB_CONTAINERS,
        useFactory: (client: CosmosClient, o: PersistenceOptions) => ensureGlobalDb(client, o.globalDb.databaseName),
        inject: [COSMOS_CLIENT, PERSISTENCE_OPTIONS],
      },
      ...repositories,
      {
        provide: MAPPING_STORE,
        useFactory: (o: PersistenceOptions, registry: CosmosAccountRegistryManagementRepository) =>
          mappingStoreOf(o, registry, options.mappingStorageCredential),
        inject: [PERSISTENCE_OPTIONS, ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY],
      },
      CosmosClientLifecycle,
    ];
    return {
      module: PersistenceModule,
      imports: options.imports ?? [],
      providers,
      exports: [
        ACCOUNT_REGISTRY_READ_REPOSITORY,
        ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
        OPERATION_REPOSITORY,
        SECRET_METADATA_REPOSITORY,
        CLUSTER_METADATA_REPOSITORY,
        MAPPING_STORE,
        GLOBAL_DB_READINESS,
        GLOBAL_DB_CONTAINERS,
      ],
    };
  }
}
