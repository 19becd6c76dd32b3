import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { ConcurrencyConflictError, MappingRef, MappingType, ValidationError } from '@iomt/domain';
import { AzuriteHandle, startAzurite } from '@iomt/local-stack';
import { randomUUID } from 'node:crypto';
import { BlobMappingStore } from './blob-mapping.store';
import { MappingContentMismatchError } from './mapping-content-mismatch.error';
import { SharedAccountMappingLocator } from './mapping-locator';

const DEVICE = JSON.stringify({ templateType: 'CollectionContent', template: [] });
const FHIR = JSON.stringify({ templateType: 'CollectionFhir', template: [] });

describe('BlobMappingStore with one shared account (Azurite)', () => {
  let azurite: AzuriteHandle;
  let store: BlobMappingStore;
  let template: ContainerClient;

  beforeAll(async () => {
    azurite = await startAzurite();
    store = new BlobMappingStore(new SharedAccountMappingLocator(azurite.connectionString));
    template = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('template');
  });

  afterAll(async () => {
    await azurite.stop();
  });

  const connector = () => ({ subscriptionId: randomUUID(), connectorId: `c${randomUUID().slice(0, 8)}` });
  const ref = (owner: ReturnType<typeof connector>, mappingType: MappingType): MappingRef => ({ ...owner, mappingType });
  const blobOf = (owner: ReturnType<typeof connector>, file: string) =>
    template.getBlockBlobClient(`${owner.subscriptionId}/${owner.connectorId}/${file}`);

  it.each<[MappingType, string, string]>([
    ['deviceMapping', 'devicecontent.json', DEVICE],
    ['fhirMapping', 'fhirmapping.json', FHIR],
  ])('puts, gets and deletes the %s as %s in container template', async (mappingType, file, content) => {
    const owner = connector();
    await store.put(ref(owner, mappingType), content);
    expect((await blobOf(owner, file).downloadToBuffer()).toString()).toBe(content);
    expect((await blobOf(owner, file).getProperties()).contentMD5).toBeDefined();
    expect(await store.get(ref(owner, mappingType))).toBe(content);
    expect(await store.delete(ref(owner, mappingType))).toBe(true);
    expect(await store.get(ref(owner, mappingType))).toBeUndefined();
    expect(await store.delete(ref(owner, mappingType))).toBe(false);
  });

  it('keeps non-ASCII content byte for byte', async () => {
    const owner = connector();
    const content = JSON.stringify({ unit: '°C', note: 'Blutdruck – systolisch' });
    await store.put(ref(owner, 'fhirMapping'), content);
    expect(await store.get(ref(owner, 'fhirMapping'))).toBe(content);
  });

  it('does not rewrite identical content, and does rewrite changed content', async () => {
    const owner = connector();
    await store.put(ref(owner, 'deviceMapping'), DEVICE);
    const blob = blobOf(owner, 'devicecontent.json');
    const etag = (await blob.getProperties()).etag;
    await store.put(ref(owner, 'deviceMapping'), DEVICE);
    expect((await blob.getProperties()).etag).toBe(etag);
    await store.put(ref(owner, 'deviceMapping'), `${DEVICE} `);
    expect((await blob.getProperties()).etag).not.toBe(etag);
    expect(await store.get(ref(owner, 'deviceMapping'))).toBe(`${DEVICE} `);
  });

  it('keeps connectors apart, and deletes both mappings of one connector', async () => {
    const [a, b] = [connector(), connector()];
    await store.put(ref(a, 'deviceMapping'), DEVICE);
    await store.put(ref(a, 'fhirMapping'), FHIR);
    await store.put(ref(b, 'fhirMapping'), FHIR);
    expect(await store.get(ref(b, 'deviceMapping'))).toBeUndefined();
    expect(await store.deleteAll(a.subscriptionId, a.connectorId)).toBe(2);
    expect(await store.deleteAll(a.subscriptionId, a.connectorId)).toBe(0);
    expect(await store.get(ref(b, 'fhirMapping'))).toBe(FHIR);
  });

  it('refuses stored bytes that do not match their stored MD5', async () => {
    const owner = connector();
    await store.put(ref(owner, 'deviceMapping'), DEVICE);
    await blobOf(owner, 'devicecontent.json').setHTTPHeaders({ blobContentType: 'application/json', blobContentMD5: Buffer.alloc(16, 7) });
    await expect(store.get(ref(owner, 'deviceMapping'))).rejects.toThrow(MappingContentMismatchError);
  });

  it('maps a storage 412 (blob leased by someone else) to ConcurrencyConflictError', async () => {
    const owner = connector();
    await store.put(ref(owner, 'fhirMapping'), FHIR);
    const lease = blobOf(owner, 'fhirmapping.json').getBlobLeaseClient();
    await lease.acquireLease(15);
    try {
      await expect(store.put(ref(owner, 'fhirMapping'), `${FHIR}\n`)).rejects.toThrow(ConcurrencyConflictError);
    } finally {
      await lease.releaseLease();
    }
  });

  it.each<[string, Partial<MappingRef>, string]>([
    ['a subscription id that is not a GUID', { subscriptionId: 'sub-1' }, 'subscriptionId'],
    ['a connector id with a slash', { connectorId: 'a/../b' }, 'connectorId'],
    ['an empty connector id', { connectorId: '' }, 'connectorId'],
  ])('rejects %s with a ValidationError naming it', async (_, change, target) => {
    const error = await store.get({ ...ref(connector(), 'deviceMapping'), ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.target)).toEqual([target]);
  });

  it('rejects an unknown mapping type', async () => {
    await expect(store.put({ ...connector(), mappingType: 'other' as MappingType }, '{}')).rejects.toThrow(ValidationError);
  });
});
