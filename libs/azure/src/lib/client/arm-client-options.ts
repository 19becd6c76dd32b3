import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicyName,
  type Pipeline,
  type PipelinePolicy,
  type PipelineRetryOptions,
} from '@azure/core-rest-pipeline';
import type { AzureOptions } from '../config/azure.config';
import { armTracingPolicy } from './arm-tracing.policy';

/** What every `@azure/arm-*` (HLC) client of this library is constructed with. */
export interface ArmClientOptions {
  readonly endpoint: string;
  readonly allowInsecureConnection: boolean;
  readonly retryOptions: PipelineRetryOptions;
  readonly userAgentOptions: { readonly userAgentPrefix: string };
  /** Our policies: {@link armTracingPolicy}, per attempt (so a retried call shows each try). */
  readonly additionalPolicies: { readonly policy: PipelinePolicy; readonly position: 'perCall' | 'perRetry' }[];
}

/** Identifies our calls in ARM's request logs. */
export const USER_AGENT_PREFIX = 'iomt-connector-rp';

/**
 * The client options of an ARM connection (iomt.md §5). Production: the real endpoint over
 * https. Local: the fake ARM's endpoint with `allowInsecureConnection` (the Node HTTP client
 * refuses http:// otherwise). Both keep the SDK's retry policy with the configured settings, and
 * trace each attempt as a client span whose context ARM receives in `traceparent`.
 */
export function createArmClientOptions(options: AzureOptions): ArmClientOptions {
  return {
    endpoint: options.endpoint,
    allowInsecureConnection: options.mode === 'local',
    retryOptions: { ...options.retry },
    userAgentOptions: { userAgentPrefix: USER_AGENT_PREFIX },
    additionalPolicies: [{ policy: armTracingPolicy(), position: 'perRetry' }],
  };
}

/**
 * The credential of local mode. The SDK constructors require one; {@link prepareArmClient} removes
 * the policy that would ask it for a token, so it is never called for a request.
 */
export const LOCAL_ARM_CREDENTIAL: TokenCredential = {
  getToken: async () => ({ token: 'local-fake-arm', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/**
 * The credential the clients use (style.md §4.7 `createAzureCredential`). In `azure` mode it is
 * the one the service supplies: production plugs in a managed identity (`@azure/identity`'s
 * `ManagedIdentityCredential` or `DefaultAzureCredential`, or any `TokenCredential`). In `local`
 * mode no token is ever sent.
 * @throws Error when `azure` mode has no credential.
 */
export function createAzureCredential(options: AzureOptions, supplied?: TokenCredential): TokenCredential {
  if (options.mode === 'local') return supplied ?? LOCAL_ARM_CREDENTIAL;
  if (!supplied) {
    throw new Error(
      "Azure mode 'azure' needs a TokenCredential (e.g. a managed identity credential from @azure/identity); none was supplied.",
    );
  }
  return supplied;
}

/**
 * Finishes a new client for its connection: in local mode removes the bearer-token policy, which
 * refuses non-TLS URLs unconditionally (iomt.md §5, blocker 1). Returns the client for chaining.
 */
export function prepareArmClient<T extends { readonly pipeline: Pipeline }>(client: T, options: AzureOptions): T {
  if (options.mode === 'local') client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
  return client;
}
