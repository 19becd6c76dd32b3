// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- Azurite has no types; this brings the declarations into every program that compiles this file (other projects include it through their tests).
/// <reference path="./azurite-internals.d.ts" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's published development account; public, and accepted only by Azurite. */
export const AZURITE_ACCOUNT_NAME = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Blob data one local Azurite may hold in memory. */
const AZURITE_MEMORY_LIMIT_BYTES = 256 * 1024 * 1024;

/** Where to start Azurite's blob service. */
export interface AzuriteOptions {
  /** TCP port of the blob service; 0 (the default) picks a free ephemeral port. */
  readonly blobPort?: number;
  /** Interface to bind; loopback by default. */
  readonly host?: string;
}

/** A running Azurite blob service. */
export interface AzuriteHandle {
  /** `http://127.0.0.1:<port>/devstoreaccount1`. */
  readonly blobEndpoint: string;
  readonly blobPort: number;
  /** For `BlobServiceClient.fromConnectionString`. */
  readonly connectionString: string;
  /** Closes the server and drops its data. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts Azurite's blob service in this process with in-memory persistence: nothing is written to
 * disk (the metadata paths point into a private temporary folder that is removed on stop) and
 * each start is empty. Each instance has its own memory store, so instances do not share blobs.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = validatePort(options.blobPort ?? 0);
  // Loaded here, not at module top, so importing the local-stack barrel stays cheap.
  const [{ default: BlobServer }, { default: BlobConfiguration }, { MemoryExtentChunkStore }] = await Promise.all([
    import('azurite/dist/src/blob/BlobServer'),
    import('azurite/dist/src/blob/BlobConfiguration'),
    import('azurite/dist/src/common/persistence/MemoryExtentStore'),
  ]);
  const folder = await mkdtemp(join(tmpdir(), 'azurite-'));
  const configuration = new BlobConfiguration(
    host, port, undefined, join(folder, 'blob-metadata.json'), join(folder, 'blob-extents.json'),
    undefined, false, undefined, false, undefined,
    // loose and skipApiVersionCheck: newer @azure/storage-blob releases send API versions Azurite
    // has not caught up with yet.
    true, true, '', '', '', undefined, false,
    true, new MemoryExtentChunkStore(AZURITE_MEMORY_LIMIT_BYTES),
  );
  const server = new BlobServer(configuration);
  try {
    await server.start();
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const blobPort = Number(new URL(server.getHttpServerAddress()).port);
  const blobEndpoint = `http://${host}:${blobPort}/${AZURITE_ACCOUNT_NAME}`;
  let stopped: Promise<void> | undefined;
  return {
    blobEndpoint,
    blobPort,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT_NAME};` +
      `AccountKey=${AZURITE_ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    stop: () =>
      (stopped ??= (async () => {
        await server.close();
        await server.clean();
        await rm(folder, { recursive: true, force: true });
      })()),
  };
}

function validatePort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`Azurite blob port must be an integer from 0 to 65535, got ${port}`);
  }
  return port;
}
