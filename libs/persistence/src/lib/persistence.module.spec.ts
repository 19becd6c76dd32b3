import { Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  AccountRegistryManagementRepository,
  AccountRegistryReadRepository,
  CLUSTER_METADATA_REPOSITORY,
  ClusterMetadataRepository,
  MAPPING_STORE,
  MappingStore,
  OPERATION_REPOSITORY,
  OperationRepository,
  SECRET_METADATA_REPOSITORY,
  SecretMetadataRepository,
} from '@iomt/domain';
import { AzuriteHandle, CosmosServerHandle, startAzurite, startCosmosServer } from '@iomt/local-stack';
import { randomUUID } from 'node:crypto';
import { anAccount, newSubscriptionId } from '../../test/registry.fixtures';
import { PersistenceConfig, persistenceOptionsFromConfig } from './config/persistence.config';
import { GlobalDbReadiness } from './cosmos/global-db.readiness';
import { PersistenceModule } from './persistence.module';
import { GLOBAL_DB_READINESS } from './persistence.tokens';

const APP_CONFIG = Symbol('APP_CONFIG');

describe('PersistenceModule', () => {
  let cosmos: CosmosServerHandle;
  let azurite: AzuriteHandle;

  beforeAll(async () => {
    [cosmos, azurite] = await Promise.all([startCosmosServer(), startAzurite()]);
  });

  afterAll(async () => {
    await Promise.all([cosmos.stop(), azurite.stop()]);
  });

  /** A testing module whose persistence options come from an app config token, as in the services. */
  async function compile(config: Partial<PersistenceConfig>): Promise<TestingModule> {
    @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
    class ConfigModule {}
    return Test.createTestingModule({
      imports: [
        PersistenceModule.forRootAsync({
          imports: [ConfigModule],
          inject: [APP_CONFIG],
          useFactory: (c: PersistenceConfig) => persistenceOptionsFromConfig(c),
        }),
      ],
    }).compile();
  }

  const localConfig = (databaseName: string, extra: Partial<PersistenceConfig> = {}): Partial<PersistenceConfig> => ({
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: databaseName,
    COSMOS_TLS_VERIFY: false,
    ...extra,
  });

  it('binds every port to its adapter, creates the containers, and disposes the client on close', async () => {
    const databaseName = `db-${randomUUID().slice(0, 8)}`;
    const module = await compile(localConfig(databaseName, { MAPPING_STORAGE_CONNECTION_STRING: azurite.connectionString }));
    const app = await module.init();
    try {
      const management = app.get<AccountRegistryManagementRepository>(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY);
      const read = app.get<AccountRegistryReadRepository>(ACCOUNT_REGISTRY_READ_REPOSITORY);
      const account = await management.upsertAccount(anAccount(newSubscriptionId(), 'wired'));
      expect((await read.getAccountByName(account.subscriptionId, 'rg1', 'wired'))?.id).toBe(account.id);
      expect(await app.get<OperationRepository>(OPERATION_REPOSITORY).listNonTerminal(account.subscriptionId)).toEqual({ items: [] });
      expect((await app.get<SecretMetadataRepository>(SECRET_METADATA_REPOSITORY).listDueForRotation(new Date(0))).items).toEqual([]);
      expect(await app.get<ClusterMetadataRepository>(CLUSTER_METADATA_REPOSITORY).getByRegion('westus2')).toBeUndefined();
      const mappings = app.get<MappingStore>(MAPPING_STORE);
      const ref = { subscriptionId: account.subscriptionId, connectorId: 'c1', mappingType: 'deviceMapping' as const };
      await mappings.put(ref, '{}');
      expect(await mappings.get(ref)).toBe('{}');
      expect(await app.get<GlobalDbReadiness>(GLOBAL_DB_READINESS).check()).toEqual({ ready: true, details: { database: databaseName } });
    } finally {
      await app.close();
    }
  });

  it('fails at start naming each bad setting, without echoing the key', async () => {
    const secret = 'a-very-secret-key';
    const error = await compile({ COSMOS_ENDPOINT: 'nonsense', COSMOS_KEY: secret, COSMOS_DATABASE: 'db', COSMOS_TLS_VERIFY: false }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/^Invalid persistence options: globalDb\.endpoint must be an http\(s\) URL/);
    expect((error as Error).message).not.toContain(secret);
  });

  it('fails at start when the Global DB cannot be reached', async () => {
    const down = await startCosmosServer();
    await down.stop();
    const error = await compile(localConfig('db', { COSMOS_ENDPOINT: down.endpoint })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Could not prepare Global DB database db/);
  }, 20_000);

  it('rejects mapping calls with a clear message when mapping storage is not configured', async () => {
    const app = await (await compile(localConfig(`db-${randomUUID().slice(0, 8)}`))).init();
    try {
      const ref = { subscriptionId: newSubscriptionId(), connectorId: 'c1', mappingType: 'fhirMapping' as const };
      await expect(app.get<MappingStore>(MAPPING_STORE).get(ref)).rejects.toThrow(/Mapping storage is not configured/);
    } finally {
      await app.close();
    }
  });
});
