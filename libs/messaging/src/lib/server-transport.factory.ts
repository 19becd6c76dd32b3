import { ServiceBusClient } from '@azure/service-bus';
import { AzureMessageSink } from './azure-message-sink';
import { AzureSessionSource } from './azure-session-source';
import { SERVICE_BUS_DEFAULT_ACCEPT_SESSION_TIMEOUT_MS } from './constants';
import type { ServiceBusServerOptions } from './service-bus.options';
import type { MessageSink, SessionSource } from './session-source.port';

/** What a server receives from and replies through, and whether it must close the client. */
export interface ServerTransport {
  readonly client: ServiceBusClient | undefined;
  readonly ownsClient: boolean;
  readonly source: SessionSource;
  readonly sink: MessageSink;
}

/**
 * Builds the SDK side of a server from its options: the given seams (unit tests), or a session
 * source and a sink on one client, the caller's or one created from the connection string with
 * the accept timeout as its operation timeout.
 */
export function createServerTransport(options: ServiceBusServerOptions): ServerTransport {
  if ('sessionSource' in options) {
    return { client: undefined, ownsClient: false, source: options.sessionSource, sink: options.messageSink };
  }
  const timeoutInMs = options.acceptSessionTimeoutMs ?? SERVICE_BUS_DEFAULT_ACCEPT_SESSION_TIMEOUT_MS;
  const client = options.client ?? new ServiceBusClient(options.connectionString, { retryOptions: { timeoutInMs } });
  return {
    client,
    ownsClient: options.client === undefined,
    source: new AzureSessionSource({ ...options, client }),
    sink: new AzureMessageSink(client),
  };
}
