import type { AppServicePlanCapacity, ClusterMetadata, InfrastructureSubscription } from '@iomt/domain';

const key = (id: string) => id.toLowerCase();

function listChanges<T>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  describe: (item: T) => string,
  fields: readonly (keyof T & string)[],
): string[] {
  const old = new Map(before.map((item) => [key(idOf(item)), item]));
  const kept = new Set(after.map((item) => key(idOf(item))));
  const lines: string[] = [];
  for (const item of after) {
    const previous = old.get(key(idOf(item)));
    if (!previous) lines.push(`+ ${describe(item)}`);
    for (const field of fields) {
      if (previous && previous[field] !== item[field]) {
        lines.push(`~ ${idOf(item)} ${field}: ${String(previous[field])} → ${String(item[field])}`);
      }
    }
  }
  for (const item of before) if (!kept.has(key(idOf(item)))) lines.push(`- ${describe(item)}`);
  return lines;
}

const describeSubscription = (s: InfrastructureSubscription) =>
  `infrastructure subscription ${s.subscriptionId} (${s.enabled ? 'enabled' : 'disabled'}, ` +
  `${s.resourceGroupCount}/${s.maxResourceGroups} resource groups)`;

const describePlan = (p: AppServicePlanCapacity) =>
  `App Service plan ${p.resourceId} (${p.appCount}/${p.maxApps} apps)`;

/**
 * What storing `desired` over `existing` changes, one line per change (`+` added, `-` removed,
 * `~` field changed); empty when nothing changes. Counters are never changed by a deployment.
 */
export function metadataChanges(existing: ClusterMetadata | undefined, desired: ClusterMetadata): string[] {
  const lines: string[] = [];
  if (existing === undefined)
    lines.push(`+ region ${desired.regionName} (${desired.displayName ?? desired.regionName})`);
  if (existing && existing.enabled !== desired.enabled)
    lines.push(`~ enabled: ${existing.enabled} → ${desired.enabled}`);
  if (existing && existing.displayName !== desired.displayName) {
    lines.push(`~ displayName: ${existing.displayName ?? '(none)'} → ${desired.displayName ?? '(none)'}`);
  }
  lines.push(
    ...listChanges(
      existing?.infrastructureSubscriptions ?? [],
      desired.infrastructureSubscriptions,
      (s) => s.subscriptionId,
      describeSubscription,
      ['enabled', 'maxResourceGroups'],
    ),
    ...listChanges(existing?.appServicePlans ?? [], desired.appServicePlans, (p) => p.resourceId, describePlan, [
      'maxApps',
    ]),
  );
  return lines;
}
