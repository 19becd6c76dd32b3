import { BlobServiceClient } from '@azure/storage-blob';
import { AzuriteHandle, startAzurite } from './start-azurite';

describe('startAzurite', () => {
  let azurite: AzuriteHandle;

  beforeAll(async () => {
    azurite = await startAzurite({ blobPort: 0 });
  });

  afterAll(async () => {
    await azurite.stop();
  });

  it('listens on an ephemeral loopback port and gives a working connection string', async () => {
    expect(azurite.blobPort).toBeGreaterThan(0);
    expect(azurite.blobEndpoint).toBe(`http://127.0.0.1:${azurite.blobPort}/devstoreaccount1`);
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('template');
    await container.createIfNotExists();
    await container.getBlockBlobClient('a/devicecontent.json').upload('{"a":1}', 7);
    const downloaded = await container.getBlockBlobClient('a/devicecontent.json').downloadToBuffer();
    expect(downloaded.toString()).toBe('{"a":1}');
  });

  it('keeps each instance separate and stops idempotently', async () => {
    const other = await startAzurite();
    expect(other.blobPort).not.toBe(azurite.blobPort);
    const shared = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('isolated');
    await shared.createIfNotExists();
    const otherService = BlobServiceClient.fromConnectionString(other.connectionString);
    expect(await otherService.getContainerClient('isolated').exists()).toBe(false);
    await other.stop();
    await expect(other.stop()).resolves.toBeUndefined();
  });

  it.each([-1, 70000, 0.5])('rejects port %p with a RangeError', async (blobPort) => {
    await expect(startAzurite({ blobPort })).rejects.toThrow(RangeError);
  });
});
