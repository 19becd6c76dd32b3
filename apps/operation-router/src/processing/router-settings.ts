import type { OperationRouterConfig } from '../config';

/** How the router retries and guards operations (from the ROUTER_* and SERVICEBUS_* settings). */
export interface RouterSettings {
  /** Attempts of an operation, counted in its `attemptCount`, before it is Failed. */
  readonly maxAttempts: number;
  /** First backoff between attempts; it doubles each attempt up to `retryMaxDelayMs`. */
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  /** The `operations` queue's MaxDeliveryCount: the delivery that reaches it is the last. */
  readonly maxDeliveryCount: number;
  /** How often the `operations` session lock is renewed while an operation runs. */
  readonly lockRenewalIntervalMs: number;
  /** At most one progress write per this interval of an attempt (0 = every report). */
  readonly progressIntervalMs: number;
}

/** DI token of {@link RouterSettings}. */
export const ROUTER_SETTINGS = Symbol('ROUTER_SETTINGS');

/** The settings of the validated configuration. */
export function routerSettingsFrom(config: OperationRouterConfig): RouterSettings {
  return {
    maxAttempts: config.ROUTER_MAX_ATTEMPTS,
    retryBaseDelayMs: config.ROUTER_RETRY_BASE_DELAY_MS,
    retryMaxDelayMs: config.ROUTER_RETRY_MAX_DELAY_MS,
    maxDeliveryCount: config.ROUTER_MAX_DELIVERY_COUNT,
    lockRenewalIntervalMs: config.ROUTER_LOCK_RENEWAL_INTERVAL_MS,
    progressIntervalMs: config.ROUTER_PROGRESS_INTERVAL_MS,
  };
}
