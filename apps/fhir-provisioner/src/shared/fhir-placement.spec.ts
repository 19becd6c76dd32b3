import { clusterMetadataCodec, ClusterMetadata, DocumentType } from '@iomt/domain';
import { InMemoryClusters } from '../testing/in-memory-ports';
import { DISABLED_INFRA_SUBSCRIPTION_ID, INFRA_SUBSCRIPTION_ID, PLAN_ID } from '../testing/fhir-world';
import { allSubscriptionsOf, fhirPlacementOf, regionOf } from './fhir-placement';

const plan = (subscriptionId: string, name: string) => ({
  resourceId: `/subscriptions/${subscriptionId}/resourceGroups/rg-plans/providers/Microsoft.Web/serverfarms/${name}`,
  infrastructureSubscriptionId: subscriptionId,
  resourceGroupName: 'rg-plans',
  maxApps: 10,
});

function region(subscriptions: Array<{ subscriptionId: string; enabled?: boolean }>, plans = [plan(INFRA_SUBSCRIPTION_ID, 'westus2-fhir')]) {
  return clusterMetadataCodec.parse({
    id: 'westus2',
    type: DocumentType.ClusterMetadata,
    regionName: 'westus2',
    infrastructureSubscriptions: subscriptions,
    appServicePlans: plans,
  });
}

describe('FHIR service placement', () => {
  it.each([
    { why: 'skips a disabled subscription', metadata: region([{ subscriptionId: DISABLED_INFRA_SUBSCRIPTION_ID, enabled: false }, { subscriptionId: INFRA_SUBSCRIPTION_ID }]) },
    { why: 'skips a subscription without a plan', metadata: region([{ subscriptionId: DISABLED_INFRA_SUBSCRIPTION_ID }, { subscriptionId: INFRA_SUBSCRIPTION_ID }]) },
  ])('takes the first enabled subscription with a plan: $why', ({ metadata }) => {
    expect(fhirPlacementOf(metadata)).toEqual({ infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, appServicePlanId: PLAN_ID });
  });

  it('refuses a region where no enabled subscription has a plan', () => {
    const metadata = region([{ subscriptionId: INFRA_SUBSCRIPTION_ID, enabled: false }]);
    expect(() => fhirPlacementOf(metadata)).toThrow(expect.objectContaining({ code: 'RegionInfrastructureMissing', retryable: false }));
  });

  it('deprovisions in every subscription of the region, disabled ones too', () => {
    const metadata = region([{ subscriptionId: DISABLED_INFRA_SUBSCRIPTION_ID, enabled: false }, { subscriptionId: INFRA_SUBSCRIPTION_ID }]);
    expect(allSubscriptionsOf(metadata)).toEqual([DISABLED_INFRA_SUBSCRIPTION_ID, INFRA_SUBSCRIPTION_ID]);
  });

  it.each([
    { why: 'unknown', stored: undefined },
    { why: 'disabled', stored: { ...region([{ subscriptionId: INFRA_SUBSCRIPTION_ID }]), enabled: false } as ClusterMetadata },
  ])('refuses a region that is $why, normalising its display name', async ({ stored }) => {
    const clusters = new InMemoryClusters();
    if (stored) await clusters.upsert(stored);
    await expect(regionOf(clusters, 'West US 2')).rejects.toThrow('The region westus2 has no enabled regional infrastructure');
  });

  it('finds a region by its display name', async () => {
    const clusters = new InMemoryClusters();
    await clusters.upsert(region([{ subscriptionId: INFRA_SUBSCRIPTION_ID }]));
    await expect(regionOf(clusters, 'West US 2')).resolves.toMatchObject({ regionName: 'westus2' });
  });
});
