import type { CallOptions, EventHubPolicyTarget } from '@iomt/domain';

/** Rights of an Event Hubs shared access policy. */
export type EventHubPolicyRight = 'Listen' | 'Send' | 'Manage';

/**
 * Adds and removes shared access policies of an Event Hubs namespace or hub: the connector's
 * write-only device `connections`. The domain has no port for this yet (the ResourceDeployer
 * cannot delete), so it is declared here until it moves to `@iomt/domain`.
 */
export interface EventHubPolicyManager {
  /** Creates or updates the policy with exactly these rights. */
  putPolicy(target: EventHubPolicyTarget, rights: readonly EventHubPolicyRight[], options?: CallOptions): Promise<void>;

  /** Deletes the policy; false when it (or its hub) did not exist. */
  deletePolicy(target: EventHubPolicyTarget, options?: CallOptions): Promise<boolean>;
}

/** DI token of {@link EventHubPolicyManager}. */
export const EVENT_HUB_POLICY_MANAGER = Symbol.for('@iomt/azure:EventHubPolicyManager');
