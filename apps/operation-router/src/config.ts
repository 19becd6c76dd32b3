import type { z } from 'zod';
import { serviceBusConfigSchema, serviceBusSessionDefaults } from '@iomt/messaging';
import { persistenceConfigSchema } from '@iomt/persistence';
import {
  createConfigToken,
  durationMsSetting,
  integerSetting,
  serviceConfigSchema,
  unsetWhenEmpty,
  type ServiceDefinition,
} from '@iomt/service-kit';

/** Defaults of the router's own settings, named so tests and docs can refer to them. */
export const ROUTER_DEFAULTS = {
  maxAttempts: 3,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 30_000,
  maxDeliveryCount: 5,
  lockRenewalIntervalMs: 15_000,
  sweepIntervalMs: 30_000,
  sweepGraceMs: 60_000,
  acceptSessionTimeoutMs: 10_000,
  maxConcurrentSessions: 32,
  sessionIdleTimeoutMs: 1_000,
  progressIntervalMs: 1_000,
} as const;

/**
 * The router's own settings (the Service Bus and Cosmos fragments come from their libs):
 * - ROUTER_MAX_ATTEMPTS: attempts of an operation (counted in `attemptCount`) before it is Failed;
 * - ROUTER_RETRY_BASE_DELAY_MS / ROUTER_RETRY_MAX_DELAY_MS: exponential backoff between attempts;
 * - ROUTER_MAX_DELIVERY_COUNT: the `operations` queue's MaxDeliveryCount; the delivery that
 *   reaches it is the last, so the router fails the operation and dead-letters the message itself;
 * - ROUTER_LOCK_RENEWAL_INTERVAL_MS: how often the session lock is renewed while an operation runs
 *   (well under the queue's LockDuration);
 * - ROUTER_ACCEPT_SESSION_TIMEOUT_MS: how long one wait for a free session lasts, which bounds
 *   the tail of a graceful stop;
 * - ROUTER_SWEEP_INTERVAL_MS / ROUTER_SWEEP_GRACE_MS: the outbox sweeper's period, and how long an
 *   operation may stay Requested before it is re-published;
 * - ROUTER_PROGRESS_INTERVAL_MS: at most one `percentComplete` write per this interval of an attempt
 *   (0 = every report); a command that ends sooner writes none.
 * The reply timeout is the fragment's SERVICEBUS_REPLY_TIMEOUT_MS; concurrency is
 * SERVICEBUS_MAX_CONCURRENT_SESSIONS, 32 here (an operation mostly waits on its worker and the
 * Global DB), and SERVICEBUS_SESSION_IDLE_TIMEOUT_MS is 1 s here: a subscription's next operation
 * is normally queued before the current one ends, so a longer hold only keeps a slot from another
 * subscription (`npm run bench:pipeline` measured both; the fragment's defaults are 8 and 5 s).
 */
const routerSettings = {
  ROUTER_MAX_ATTEMPTS: unsetWhenEmpty(integerSetting(1, 100).default(ROUTER_DEFAULTS.maxAttempts)),
  ROUTER_RETRY_BASE_DELAY_MS: durationMsSetting(ROUTER_DEFAULTS.retryBaseDelayMs),
  ROUTER_RETRY_MAX_DELAY_MS: durationMsSetting(ROUTER_DEFAULTS.retryMaxDelayMs),
  ROUTER_MAX_DELIVERY_COUNT: unsetWhenEmpty(integerSetting(1, 1_000).default(ROUTER_DEFAULTS.maxDeliveryCount)),
  ROUTER_LOCK_RENEWAL_INTERVAL_MS: durationMsSetting(ROUTER_DEFAULTS.lockRenewalIntervalMs),
  ROUTER_ACCEPT_SESSION_TIMEOUT_MS: durationMsSetting(ROUTER_DEFAULTS.acceptSessionTimeoutMs),
  ROUTER_SWEEP_INTERVAL_MS: durationMsSetting(ROUTER_DEFAULTS.sweepIntervalMs),
  ROUTER_SWEEP_GRACE_MS: durationMsSetting(ROUTER_DEFAULTS.sweepGraceMs, 7 * 24 * 3_600_000),
  ROUTER_PROGRESS_INTERVAL_MS: unsetWhenEmpty(integerSetting(0, 3_600_000).default(ROUTER_DEFAULTS.progressIntervalMs)),
};

/**
 * Settings of the operation-router service: PORT (default 8090), HOST, LOG_LEVEL,
 * SHUTDOWN_TIMEOUT_MS, the Service Bus fragment (SERVICEBUS_*), the Global DB fragment (COSMOS_*)
 * and the router's own settings (ROUTER_*, see above).
 */
export const operationRouterConfigSchema = serviceConfigSchema({ defaultPort: 8090 })
  .extend(serviceBusConfigSchema.shape)
  .extend(serviceBusSessionDefaults(ROUTER_DEFAULTS))
  .extend(persistenceConfigSchema.shape)
  .extend(routerSettings);

/** The validated settings of the operation-router service. */
export type OperationRouterConfig = z.output<typeof operationRouterConfigSchema>;

/** Injects {@link OperationRouterConfig}: `@Inject(OPERATION_ROUTER_CONFIG) config: OperationRouterConfig`. */
export const OPERATION_ROUTER_CONFIG = createConfigToken<OperationRouterConfig>('OPERATION_ROUTER_CONFIG');

/** How `main.ts` and the tests start the operation-router service. */
export const OPERATION_ROUTER_SERVICE: ServiceDefinition<typeof operationRouterConfigSchema> = {
  serviceName: 'operation-router',
  configSchema: operationRouterConfigSchema,
  configToken: OPERATION_ROUTER_CONFIG,
};
