/** What one readiness check found. */
export interface ReadinessReport {
  /** Whether the dependency can serve traffic now. */
  readonly ready: boolean;
  /** Extra facts shown under the indicator's name in the `/readyz` body (no secrets). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * A dependency that must be usable before the service takes traffic (Service Bus receiver,
 * Cosmos container, ...). Structural on purpose: infra libs implement it without importing
 * service-kit. A check that throws, rejects or times out counts as not ready.
 */
export interface ReadinessIndicator {
  /** Key of this indicator in the `/readyz` body; unique within a service. */
  readonly name: string;
  /** Looks at the dependency; must not mutate anything. */
  check(): ReadinessReport | Promise<ReadinessReport>;
}

/** DI token of the `readonly ReadinessIndicator[]` that `/readyz` evaluates. */
export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');

/** How long `/readyz` waits for one indicator before reporting it down. */
export const DEFAULT_READINESS_CHECK_TIMEOUT_MS = 5_000;

/** DI token of the per-indicator timeout, in milliseconds. */
export const READINESS_CHECK_TIMEOUT_MS = Symbol('READINESS_CHECK_TIMEOUT_MS');
