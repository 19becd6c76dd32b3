import { ClusterMetadata, DocumentType } from '../model';

/** Infrastructure subscriptions of the samples. */
export const SUB_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const SUB_B = 'bbbbbbbb-0000-4000-8000-000000000002';

/** The ARM id of a sample plan. */
export const planId = (subscriptionId: string, name: string): string =>
  `/subscriptions/${subscriptionId}/resourceGroups/rg-iomt-westus2/providers/Microsoft.Web/serverfarms/${name}`;

interface PlanSpec {
  readonly sub: string;
  readonly name: string;
  readonly apps: number;
  readonly max: number;
}

interface SubscriptionSpec {
  readonly id: string;
  readonly groups?: number;
  readonly maxGroups?: number;
  readonly enabled?: boolean;
}

/** Region metadata with the given subscriptions and plans. */
export function regionWith(
  subscriptions: readonly SubscriptionSpec[],
  plans: readonly PlanSpec[],
  enabled = true,
): ClusterMetadata {
  return {
    id: 'westus2',
    type: DocumentType.ClusterMetadata,
    regionName: 'westus2',
    enabled,
    infrastructureSubscriptions: subscriptions.map((s) => ({
      subscriptionId: s.id,
      enabled: s.enabled ?? true,
      maxResourceGroups: s.maxGroups ?? 980,
      resourceGroupCount: s.groups ?? 0,
    })),
    appServicePlans: plans.map((p) => ({
      resourceId: planId(p.sub, p.name),
      infrastructureSubscriptionId: p.sub,
      resourceGroupName: 'rg-iomt-westus2',
      maxApps: p.max,
      appCount: p.apps,
    })),
  };
}
