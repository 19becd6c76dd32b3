import type { FakeArm, ResourceView } from '@iomt/local-stack';

/**
 * What exists in the fake ARM, by resource group name (whatever infrastructure subscription the
 * provisioners chose): the lifecycle test's view of "what the templates declared".
 */
export class ArmInventory {
  constructor(private readonly arm: FakeArm) {}

  /** The resource groups called `name` (case-insensitive), in any subscription. */
  groups(name: string): { id: string; name: string }[] {
    return this.arm.snapshot().resourceGroups.filter((g) => g.name.toLowerCase() === name.toLowerCase());
  }

  /** The resources inside resource groups called `group`. */
  resourcesIn(group: string): ResourceView[] {
    const marker = `/resourcegroups/${group.toLowerCase()}/`;
    return this.arm.resources().filter((r) => r.id.toLowerCase().includes(marker));
  }

  /** The distinct types of the resources inside `group`, sorted. */
  typesIn(group: string): string[] {
    return [...new Set(this.resourcesIn(group).map((r) => r.type))].sort();
  }

  /** The deployments made into resource groups called `group`, with their state. */
  deploymentsIn(group: string): { name: string; provisioningState: unknown }[] {
    return this.arm
      .deployments()
      .filter((d) => d.resourceGroup.toLowerCase() === group.toLowerCase())
      .map((d) => ({ name: d.name, provisioningState: d.properties.provisioningState }));
  }
}
