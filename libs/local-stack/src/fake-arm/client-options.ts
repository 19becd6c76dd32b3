import type { TokenCredential } from '@azure/core-auth';
import { type Pipeline, bearerTokenAuthenticationPolicyName } from '@azure/core-rest-pipeline';

/**
 * A credential for clients of the fake ARM. The SDK constructors require one; the fake never
 * checks tokens, and {@link configureClientForFakeArm} removes the policy that would send it.
 */
export const fakeArmCredential: TokenCredential = {
  getToken: async () => ({ token: 'fake-arm-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Client options overridable per test (e.g. `retryOptions: { maxRetries: 0 }`). */
export interface FakeArmClientOptions {
  readonly endpoint: string;
  readonly allowInsecureConnection: true;
  readonly retryOptions: {
    readonly maxRetries?: number;
    readonly retryDelayInMs?: number;
    readonly maxRetryDelayInMs?: number;
  };
}

/**
 * Options that point an `@azure/arm-*` (HLC generation) client at a fake ARM over plain HTTP
 * (iomt.md §5): its `endpoint`, `allowInsecureConnection` (the Node HTTP client refuses http://
 * otherwise) and short retry delays so that retried faults keep tests fast.
 */
export function fakeArmClientOptions(
  endpoint: string,
  overrides: Partial<Omit<FakeArmClientOptions, 'endpoint'>> = {},
): FakeArmClientOptions {
  return {
    endpoint,
    allowInsecureConnection: true,
    ...overrides,
    retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 10, ...overrides.retryOptions },
  };
}

/**
 * Removes the bearer-token policy, which refuses non-TLS URLs unconditionally (iomt.md §5,
 * blocker 1). Returns the client for chaining: `configureClientForFakeArm(new XClient(...))`.
 */
export function configureClientForFakeArm<T extends { readonly pipeline: Pipeline }>(client: T): T {
  client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
  return client;
}
