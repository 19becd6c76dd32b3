import type { ServiceBusClient } from '@azure/service-bus';
import type { ServiceBusEntity } from './service-bus-entity';
import type { MessageSink, SessionSource } from './session-source.port';
import type { SettlementPolicy } from './settlement.policy';
import type { TracePropagator } from './trace-propagator';

/**
 * How to reach the namespace: a connection string (the transport then owns and closes its
 * client), or a client the caller built (e.g. with a managed identity) and closes itself.
 */
export type ServiceBusConnectionOptions =
  | { readonly connectionString: string; readonly client?: never }
  | { readonly client: ServiceBusClient; readonly connectionString?: never };

/** Settings of {@link ServerServiceBusSessions} apart from the connection. */
export interface ServiceBusServerSettings {
  /** The session-enabled queue or subscription to consume. */
  readonly entity: ServiceBusEntity;
  /** Sessions processed at once (default 8). */
  readonly maxConcurrentSessions?: number;
  /** Idle time after which a session is released for another (default 5 s). */
  readonly sessionIdleTimeoutMs?: number;
  /** How long the session lock is renewed automatically while held (default 5 min). */
  readonly maxAutoLockRenewalDurationInMs?: number;
  /**
   * Operation timeout of the client the server creates from a connection string, which bounds
   * each `acceptNextSession` wait and so the tail of a graceful stop (default 10 s). A client
   * passed in keeps its own `retryOptions.timeoutInMs`.
   */
  readonly acceptSessionTimeoutMs?: number;
  /**
   * While a request's handler runs, a heartbeat goes to its requester this often (default 10 s, 0 =
   * none), so a requester's reply timeout bounds the worker's silence rather than the work's length.
   */
  readonly requestHeartbeatMs?: number;
  /**
   * Maps a handler's failure to a settlement (default {@link defaultSettlementPolicy}). A request
   * answered with its error reply is completed where this says abandon (the requester retries).
   */
  readonly settlementPolicy?: SettlementPolicy;
  /** Reads and writes trace context (default W3C `traceparent`/`tracestate`). */
  readonly tracePropagator?: TracePropagator;
}

/** Replaces the SDK parts of a server, for unit tests. */
export interface ServiceBusServerSeams {
  readonly sessionSource: SessionSource;
  readonly messageSink: MessageSink;
}

/** Options of {@link ServerServiceBusSessions}. */
export type ServiceBusServerOptions = ServiceBusServerSettings & (ServiceBusConnectionOptions | ServiceBusServerSeams);

/** Chooses the session of an outgoing message when its record does not name one. */
export type SessionIdResolver = (subject: string, data: unknown) => string | undefined;

/** Settings of {@link ClientServiceBus} apart from the connection. */
export interface ServiceBusClientSettings {
  /** The queue or topic messages are sent to. */
  readonly entityPath: string;
  /** The session-enabled queue `send()` asks replies on; needed for request/reply only. */
  readonly replyQueueName?: string;
  /**
   * How long `send()` waits for the worker's reply or a sign of life (default 30 s): each progress
   * or heartbeat message of the request starts this wait again, so long work only needs a worker
   * that heartbeats more often (servers do, every `requestHeartbeatMs`).
   */
  readonly replyTimeoutMs?: number;
  /** How long `send()` waits at most, however alive the worker says it is (default 1 h). */
  readonly replyMaxWaitMs?: number;
  /** The session of messages whose record names none: a fixed id or a function of the message. */
  readonly sessionId?: string | SessionIdResolver;
  /** Reads and writes trace context (default W3C `traceparent`/`tracestate`). */
  readonly tracePropagator?: TracePropagator;
}

/** Options of {@link ClientServiceBus}. */
export type ServiceBusClientOptions = ServiceBusClientSettings & ServiceBusConnectionOptions;

/**
 * Throws a precise error when options name no way to reach the namespace, for callers whose
 * options escaped the type checker (configuration, plain JavaScript).
 */
export function assertConnection(owner: string, options: object): void {
  const { connectionString, client, sessionSource } = options as Record<string, unknown>;
  if (client !== undefined || sessionSource !== undefined) return;
  if (typeof connectionString !== 'string' || connectionString.trim().length === 0) {
    throw new Error(`${owner}: options need a non-empty connectionString or a client`);
  }
}
