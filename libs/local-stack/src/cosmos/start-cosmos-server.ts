import type { CosmosClientOptions } from '@azure/cosmos';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * The Cosmos DB emulator's published well-known key. The local server ignores authentication, but
 * the SDK signs every request with the key and needs it to be valid base64.
 */
export const LOCAL_COSMOS_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/** Where and how to start the local Cosmos DB server. */
export interface CosmosServerOptions {
  /** TCP port; 0 (the default) picks a free ephemeral port. */
  readonly port?: number;
  /** Interface to bind; loopback by default so nothing is exposed to the network. */
  readonly host?: string;
}

/** What a `CosmosClient` needs to talk to the local server. */
export interface LocalCosmosClientOptions extends CosmosClientOptions {
  readonly endpoint: string;
  readonly key: string;
  readonly agent: Agent;
}

/** A running local Cosmos DB server. */
export interface CosmosServerHandle {
  /** `https://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** A key the SDK accepts; the server does not check it. */
  readonly key: string;
  readonly port: number;
  /**
   * Options for `new CosmosClient(...)`: the server's certificate is self-signed and expired, so TLS
   * verification is off; keep-alive is on because a TLS handshake per request costs about 10x in
   * throughput; endpoint discovery is off so the SDK never follows the server's advertised URL.
   */
  readonly clientOptions: LocalCosmosClientOptions;
  /** Closes the server, its open connections and the client agent. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `@vercel/cosmosdb-server` (with the project's patch: atomic batches, TTL, linear-time
 * queries) over HTTPS in this process. Everything is held in memory; each start is empty.
 */
export async function startCosmosServer(options: CosmosServerOptions = {}): Promise<CosmosServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = validatePort(options.port ?? 0);
  // Loaded here, not at module top, so importing the local-stack barrel stays cheap.
  const { createHttpsServer } = await import('@vercel/cosmosdb-server');
  // `keepAlive` is the server's own option (not in Node's ServerOptions type): without it the server
  // answers every response with `Connection: close`.
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const endpoint = `https://${host}:${actualPort}`;
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      agent.destroy();
      server.close(() => resolve());
      // Keep-alive sockets would otherwise hold close() open until their idle timeout.
      server.closeAllConnections();
    });
    return stopped;
  };
  return {
    endpoint,
    key: LOCAL_COSMOS_KEY,
    port: actualPort,
    // A fresh object per access: CosmosClient fills defaults into the connectionPolicy it is given.
    get clientOptions(): LocalCosmosClientOptions {
      return { endpoint, key: LOCAL_COSMOS_KEY, agent, connectionPolicy: { enableEndpointDiscovery: false } };
    },
    stop,
  };
}

function validatePort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`Cosmos server port must be an integer from 0 to 65535, got ${port}`);
  }
  return port;
}
