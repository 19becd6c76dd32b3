import { z } from 'zod';
import {
  SERVICE_BUS_DEFAULT_MAX_AUTO_LOCK_RENEWAL_MS,
  SERVICE_BUS_DEFAULT_MAX_CONCURRENT_SESSIONS,
  SERVICE_BUS_DEFAULT_REPLY_MAX_WAIT_MS,
  SERVICE_BUS_DEFAULT_REPLY_TIMEOUT_MS,
  SERVICE_BUS_DEFAULT_REQUEST_HEARTBEAT_MS,
  SERVICE_BUS_DEFAULT_SESSION_IDLE_TIMEOUT_MS,
} from './constants';
import type { ServiceBusServerSettings } from './service-bus.options';

const entityName = (name: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,259}$/, 'must be a Service Bus entity name')
    .default(name);
const milliseconds = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);
const concurrentSessions = (fallback: number) => z.coerce.number().int().min(1).max(1_000).default(fallback);

/**
 * The Service Bus settings of a service, as environment variables. Apps compose the fragment
 * into their schema: `serviceConfigSchema(...).extend(serviceBusConfigSchema.shape)`. The
 * connection string is checked for its `Endpoint=sb://` part only; errors never echo it.
 */
export const serviceBusConfigSchema = z.object({
  SERVICEBUS_CONNECTION_STRING: z
    .string()
    .refine((value) => /(^|;)\s*Endpoint=sb:\/\/[^;]+/i.test(value), 'must contain Endpoint=sb://<host>'),
  SERVICEBUS_MAX_CONCURRENT_SESSIONS: concurrentSessions(SERVICE_BUS_DEFAULT_MAX_CONCURRENT_SESSIONS),
  SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: milliseconds(SERVICE_BUS_DEFAULT_SESSION_IDLE_TIMEOUT_MS, 1),
  SERVICEBUS_MAX_AUTO_LOCK_RENEWAL_MS: milliseconds(SERVICE_BUS_DEFAULT_MAX_AUTO_LOCK_RENEWAL_MS, 0),
  SERVICEBUS_REPLY_TIMEOUT_MS: milliseconds(SERVICE_BUS_DEFAULT_REPLY_TIMEOUT_MS, 1),
  SERVICEBUS_REPLY_MAX_WAIT_MS: milliseconds(SERVICE_BUS_DEFAULT_REPLY_MAX_WAIT_MS, 1),
  SERVICEBUS_REQUEST_HEARTBEAT_MS: milliseconds(SERVICE_BUS_DEFAULT_REQUEST_HEARTBEAT_MS, 0),
  SERVICEBUS_OPERATIONS_QUEUE: entityName('operations'),
  SERVICEBUS_FHIR_COMMANDS_QUEUE: entityName('fhir-commands'),
  SERVICEBUS_IOMT_COMMANDS_QUEUE: entityName('iomt-commands'),
  SERVICEBUS_KEY_ROTATION_COMMANDS_QUEUE: entityName('key-rotation-commands'),
  SERVICEBUS_OPERATION_REPLIES_QUEUE: entityName('operation-replies'),
});

/**
 * The fragment's session settings with a service's own defaults, for `.extend()` after the
 * fragment: a consumer whose handlers mostly wait on I/O (the router, the workers) holds more
 * sessions at once, and one whose next message of a session is normally queued already gives an
 * idle session's slot back sooner. The variables and their bounds stay those of the fragment.
 */
export function serviceBusSessionDefaults(defaults: { readonly maxConcurrentSessions: number; readonly sessionIdleTimeoutMs: number }) {
  return {
    SERVICEBUS_MAX_CONCURRENT_SESSIONS: concurrentSessions(defaults.maxConcurrentSessions),
    SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: milliseconds(defaults.sessionIdleTimeoutMs, 1),
  };
}

/**
 * Session defaults of the command workers: more sessions than a router holds (32), so that a
 * command never waits for a slot an idle session keeps, and a 1 s idle hold (a subscription's next
 * command follows within the router's turnaround, usually well under a second).
 */
export const WORKER_SESSION_DEFAULTS = { maxConcurrentSessions: 64, sessionIdleTimeoutMs: 1_000 } as const;

/** Validated Service Bus settings. */
export type ServiceBusConfig = z.output<typeof serviceBusConfigSchema>;

/** Server options for consuming `queueName` with the configured concurrency and timeouts. */
export function serviceBusServerOptionsFrom(
  config: ServiceBusConfig,
  queueName: string,
): ServiceBusServerSettings & { connectionString: string } {
  return {
    connectionString: config.SERVICEBUS_CONNECTION_STRING,
    entity: { queueName },
    maxConcurrentSessions: config.SERVICEBUS_MAX_CONCURRENT_SESSIONS,
    sessionIdleTimeoutMs: config.SERVICEBUS_SESSION_IDLE_TIMEOUT_MS,
    maxAutoLockRenewalDurationInMs: config.SERVICEBUS_MAX_AUTO_LOCK_RENEWAL_MS,
    requestHeartbeatMs: config.SERVICEBUS_REQUEST_HEARTBEAT_MS,
  };
}
