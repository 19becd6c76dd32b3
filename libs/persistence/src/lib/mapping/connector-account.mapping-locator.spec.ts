import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { ConflictError, IomtConnector, ResourceNotFoundError } from '@iomt/domain';
import { AZURITE_ACCOUNT_KEY, AZURITE_ACCOUNT_NAME, AzuriteHandle, startAzurite } from '@iomt/local-stack';
import { startTestGlobalDb, TestGlobalDb } from '../../../test/global-db.harness';
import { aConnector, anAccount, newSubscriptionId } from '../../../test/registry.fixtures';
import { CosmosAccountRegistryManagementRepository } from '../registry/cosmos-account-registry-management.repository';
import { BlobMappingStore } from './blob-mapping.store';
import { ConnectorAccountMappingLocator } from './connector-account.mapping-locator';

// The production layout: each connector's own storage account, found through its document.
describe('BlobMappingStore in the connector storage account (Azurite + local Cosmos)', () => {
  let azurite: AzuriteHandle;
  let db: TestGlobalDb;
  let registry: CosmosAccountRegistryManagementRepository;
  let store: BlobMappingStore;

  beforeAll(async () => {
    [azurite, db] = await Promise.all([startAzurite(), startTestGlobalDb()]);
    registry = new CosmosAccountRegistryManagementRepository(db.accountRegistry, 60);
    const urlTemplate = azurite.blobEndpoint.replace(AZURITE_ACCOUNT_NAME, '{account}');
    const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT_NAME, AZURITE_ACCOUNT_KEY);
    store = new BlobMappingStore(new ConnectorAccountMappingLocator(registry, urlTemplate, credential));
  });

  afterAll(async () => {
    await Promise.all([azurite.stop(), db.stop()]);
  });

  async function storedConnector(storageAccount?: string): Promise<IomtConnector> {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const placed = { ...connector, storage: { ...connector.storage, infrastructureResourceName: storageAccount } };
    return registry.upsertChildResource(placed);
  }

  it("writes the mappings at the root of the connector's template container", async () => {
    const connector = await storedConnector(AZURITE_ACCOUNT_NAME);
    const ref = { subscriptionId: connector.subscriptionId, connectorId: connector.id, mappingType: 'fhirMapping' as const };
    await store.put(ref, '{"templateType":"CollectionFhir","template":[]}');
    const blob = BlobServiceClient.fromConnectionString(azurite.connectionString)
      .getContainerClient('template')
      .getBlockBlobClient('fhirmapping.json');
    expect((await blob.downloadToBuffer()).toString()).toBe('{"templateType":"CollectionFhir","template":[]}');
    expect(await store.get(ref)).toBe('{"templateType":"CollectionFhir","template":[]}');
  });

  it('refuses a connector that does not exist, and one without a storage account yet', async () => {
    const missing = { subscriptionId: newSubscriptionId(), connectorId: 'nope', mappingType: 'deviceMapping' as const };
    await expect(store.get(missing)).rejects.toThrow(ResourceNotFoundError);
    const unplaced = await storedConnector(undefined);
    await expect(
      store.put({ subscriptionId: unplaced.subscriptionId, connectorId: unplaced.id, mappingType: 'deviceMapping' }, '{}'),
    ).rejects.toThrow(ConflictError);
  });
});
