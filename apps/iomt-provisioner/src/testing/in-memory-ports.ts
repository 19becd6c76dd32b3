import type { EventHubPolicyTarget } from '@iomt/domain';
import type { DevicePolicyManager } from '../shared/iomt-infrastructure.port';

// The fakes of the domain ports live in @iomt/domain/testing; this name stays for the specs that use it.
export { InMemoryClusterMetadata as InMemoryClusters } from '@iomt/domain/testing';

/** Policies in memory, keyed by hub and rule name; records every call. */
export class InMemoryPolicies implements DevicePolicyManager {
  readonly policies = new Map<string, readonly string[]>();
  readonly calls: Array<{ action: 'put' | 'delete'; target: EventHubPolicyTarget }> = [];
  nextFailure: Error | undefined;

  async putPolicy(target: EventHubPolicyTarget, rights: readonly string[]): Promise<void> {
    this.fail();
    this.calls.push({ action: 'put', target });
    this.policies.set(keyOf(target), rights);
  }

  async deletePolicy(target: EventHubPolicyTarget): Promise<boolean> {
    this.fail();
    this.calls.push({ action: 'delete', target });
    return this.policies.delete(keyOf(target));
  }

  private fail(): void {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure !== undefined) throw failure;
  }
}

function keyOf(target: EventHubPolicyTarget): string {
  return `${target.namespaceName}/${target.eventHubName ?? ''}/${target.ruleName}`.toLowerCase();
}
