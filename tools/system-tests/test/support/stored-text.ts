import { Agent } from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { BlobServiceClient } from '@azure/storage-blob';

/** Every document of every container of the local Cosmos server, as one JSON text (to search for secrets). */
export async function everyStoredDocument(env: Readonly<Record<string, string>>): Promise<string> {
  const client = new CosmosClient({
    endpoint: env['COSMOS_ENDPOINT'],
    key: env['COSMOS_KEY'],
    agent: new Agent({ rejectUnauthorized: false }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const documents: unknown[] = [];
    for (const db of (await client.databases.readAll().fetchAll()).resources) {
      for (const container of (await client.database(db.id).containers.readAll().fetchAll()).resources) {
        documents.push(...(await client.database(db.id).container(container.id).items.query('SELECT * FROM c').fetchAll()).resources);
      }
    }
    return JSON.stringify(documents);
  } finally {
    client.dispose();
  }
}

/** Every blob in the mapping storage (Azurite), parsed as JSON where it is JSON, by container/name. */
export async function everyMappingBlob(env: Readonly<Record<string, string>>): Promise<Record<string, unknown>> {
  const service = BlobServiceClient.fromConnectionString(env['MAPPING_STORAGE_CONNECTION_STRING']);
  const blobs: Record<string, unknown> = {};
  for await (const container of service.listContainers()) {
    const client = service.getContainerClient(container.name);
    for await (const blob of client.listBlobsFlat()) {
      const text = (await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
      blobs[`${container.name}/${blob.name}`] = parseOrText(text);
    }
  }
  return blobs;
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
