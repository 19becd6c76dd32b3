import { CosmosClient } from '@azure/cosmos';
import { Agent } from 'node:https';
import type { GlobalDbOptions } from '../config/persistence.config';

/**
 * A `CosmosClient` for the Global DB. Keep-alive is on (a TLS handshake per request costs several
 * times the request itself); endpoint discovery is off only when TLS verification is off, i.e. for
 * the local server, which advertises a URL other than the one it was reached at.
 */
export function createCosmosClient(options: GlobalDbOptions): CosmosClient {
  const local = !options.tlsRejectUnauthorized;
  return new CosmosClient({
    endpoint: options.endpoint,
    key: options.key,
    // The SDK only allows plain http when it picks its own agent.
    agent: options.endpoint.startsWith('https:')
      ? new Agent({ keepAlive: true, rejectUnauthorized: options.tlsRejectUnauthorized })
      : undefined,
    connectionPolicy: {
      enableEndpointDiscovery: !local,
      retryOptions: {
        maxRetryAttemptCount: options.maxThrottleRetries,
        maxWaitTimeInSeconds: options.maxThrottleWaitSeconds,
        fixedRetryIntervalInMilliseconds: 0,
      },
    },
  });
}
