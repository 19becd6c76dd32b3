import { ClusterMetadata, ConcurrencyConflictError, WriteOptions } from '@iomt/domain';
import { InMemoryClusters } from '../testing/in-memory-ports';
import { FULL_INFRA_SUBSCRIPTION_ID, INFRA_SUBSCRIPTION_ID, PLAN_ID, sampleAccount, sampleConnector, sampleRegion } from '../testing/samples';
import { placementOf, withPlacement } from './connector-infrastructure';
import { placeConnector, releaseConnectorPlacement } from './connector-placement';

const connector = sampleConnector(sampleAccount(), 'conn1', false);
const OTHER_PLAN = `/subscriptions/${FULL_INFRA_SUBSCRIPTION_ID}/resourceGroups/rg-plans/providers/Microsoft.Web/serverfarms/p2`;

async function clustersWith(change: (region: ClusterMetadata) => ClusterMetadata = (r) => r): Promise<InMemoryClusters> {
  const clusters = new InMemoryClusters();
  await clusters.upsert(change(sampleRegion()));
  return clusters;
}

describe('placeConnector', () => {
  it.each([
    { why: 'the other subscription is full', change: (r: ClusterMetadata) => r, subscription: INFRA_SUBSCRIPTION_ID, plan: PLAN_ID },
    {
      why: 'a subscription with room has no plan of its own with room',
      change: (r: ClusterMetadata) => ({
        ...r,
        infrastructureSubscriptions: r.infrastructureSubscriptions.map((s) => ({ ...s, maxResourceGroups: 100 })),
        appServicePlans: [{ ...r.appServicePlans[0]!, resourceId: OTHER_PLAN, infrastructureSubscriptionId: FULL_INFRA_SUBSCRIPTION_ID, appCount: 10 }, ...r.appServicePlans],
      }),
      subscription: INFRA_SUBSCRIPTION_ID,
      plan: PLAN_ID,
    },
    {
      why: 'two plans have as much room, and the other subscription more free resource groups',
      change: (r: ClusterMetadata) => ({
        ...r,
        infrastructureSubscriptions: r.infrastructureSubscriptions.map((s) => ({ ...s, maxResourceGroups: 100 })),
        appServicePlans: [...r.appServicePlans, { ...r.appServicePlans[0]!, resourceId: OTHER_PLAN, infrastructureSubscriptionId: FULL_INFRA_SUBSCRIPTION_ID }],
      }),
      subscription: FULL_INFRA_SUBSCRIPTION_ID,
      plan: OTHER_PLAN,
    },
    {
      why: 'a plan listed later has more free apps',
      change: (r: ClusterMetadata) => ({
        ...r,
        infrastructureSubscriptions: r.infrastructureSubscriptions.map((s) => ({ ...s, maxResourceGroups: 100 })),
        appServicePlans: [...r.appServicePlans, { ...r.appServicePlans[0]!, resourceId: OTHER_PLAN, infrastructureSubscriptionId: FULL_INFRA_SUBSCRIPTION_ID, appCount: 0 }],
      }),
      subscription: FULL_INFRA_SUBSCRIPTION_ID,
      plan: OTHER_PLAN,
    },
  ])('takes the subscription and plan with room when $why', async ({ change, subscription, plan }) => {
    const clusters = await clustersWith(change);
    const placement = await placeConnector(clusters, connector, 'rg-iomt-x');
    expect(placement).toEqual({
      infrastructureSubscriptionId: subscription,
      infrastructureResourceGroupName: 'rg-iomt-x',
      infrastructureLocation: 'westus2',
      appServicePlanId: plan,
    });
    const region = await clusters.getByRegion('westus2');
    expect(region?.appServicePlans.find((p) => p.resourceId === plan)?.appCount).toBe(
      (change(sampleRegion()).appServicePlans.find((p) => p.resourceId === plan)?.appCount ?? 0) + 1,
    );
  });

  it('keeps the placement a connector already has, counting nothing', async () => {
    const clusters = await clustersWith();
    const placed = withPlacement(connector, {
      infrastructureSubscriptionId: FULL_INFRA_SUBSCRIPTION_ID,
      infrastructureResourceGroupName: 'rg-old',
      infrastructureLocation: 'westus2',
      appServicePlanId: OTHER_PLAN,
    });
    await expect(placeConnector(clusters, placed, 'rg-new')).resolves.toMatchObject({ infrastructureResourceGroupName: 'rg-old' });
    expect(await clusters.getByRegion('westus2')).toEqual(await (await clustersWith()).getByRegion('westus2'));
  });

  it('retries when another provisioner updated the counters first, counting once', async () => {
    const clusters = await clustersWith();
    const upsert = clusters.upsert.bind(clusters);
    let races = 2;
    clusters.upsert = async (metadata: ClusterMetadata, options?: WriteOptions) => {
      if (races-- > 0) throw new ConcurrencyConflictError('changed');
      return upsert(metadata, options);
    };
    await placeConnector(clusters, connector, 'rg');
    expect((await clusters.getByRegion('westus2'))?.appServicePlans[0]?.appCount).toBe(3);
  });

  it('gives up retryably after five lost races', async () => {
    const clusters = await clustersWith();
    clusters.upsert = async () => {
      throw new ConcurrencyConflictError('changed');
    };
    await expect(placeConnector(clusters, connector, 'rg')).rejects.toMatchObject({ code: 'PreconditionFailed', retryable: true });
  });

  it.each([
    { why: 'the region is disabled', change: (r: ClusterMetadata) => ({ ...r, enabled: false }), code: 'LocationNotAvailableForResourceType' },
    {
      why: 'every subscription is disabled',
      change: (r: ClusterMetadata) => ({ ...r, infrastructureSubscriptions: r.infrastructureSubscriptions.map((s) => ({ ...s, enabled: false })) }),
      code: 'RegionCapacityExhausted',
    },
    {
      why: 'every plan is full',
      change: (r: ClusterMetadata) => ({ ...r, appServicePlans: r.appServicePlans.map((p) => ({ ...p, appCount: p.maxApps })) }),
      code: 'RegionCapacityExhausted',
    },
  ])('refuses with $code when $why, counting nothing', async ({ change, code }) => {
    const clusters = await clustersWith(change);
    const before = await clusters.getByRegion('westus2');
    await expect(placeConnector(clusters, connector, 'rg')).rejects.toMatchObject({ code, retryable: false, target: 'location' });
    expect(await clusters.getByRegion('westus2')).toEqual(before);
  });

  it('refuses a region without metadata as not served', async () => {
    await expect(placeConnector(new InMemoryClusters(), connector, 'rg')).rejects.toMatchObject({
      code: 'LocationNotAvailableForResourceType',
      retryable: false,
    });
  });
});

describe('releaseConnectorPlacement', () => {
  const placed = withPlacement(connector, {
    infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID,
    infrastructureResourceGroupName: 'rg-iomt-x',
    infrastructureLocation: 'westus2',
    appServicePlanId: PLAN_ID,
  });
  const countsOf = async (clusters: InMemoryClusters) => {
    const region = await clusters.getByRegion('westus2');
    return {
      apps: region?.appServicePlans[0]?.appCount,
      groups: region?.infrastructureSubscriptions.find((s) => s.subscriptionId === INFRA_SUBSCRIPTION_ID)?.resourceGroupCount,
    };
  };

  it('takes one app off the plan and one resource group off the subscription', async () => {
    const clusters = await clustersWith();
    await releaseConnectorPlacement(clusters, placed);
    expect(await countsOf(clusters)).toEqual({ apps: 1, groups: 2 });
  });

  it('retries when another provisioner updated the counters first, releasing once', async () => {
    const clusters = await clustersWith();
    const upsert = clusters.upsert.bind(clusters);
    let races = 2;
    clusters.upsert = async (metadata: ClusterMetadata, options?: WriteOptions) => {
      if (races-- > 0) throw new ConcurrencyConflictError('changed');
      return upsert(metadata, options);
    };
    await releaseConnectorPlacement(clusters, placed);
    expect(await countsOf(clusters)).toEqual({ apps: 1, groups: 2 });
  });

  it.each([
    { why: 'the connector was never placed', clusters: () => clustersWith(), subject: connector },
    { why: 'the region has no metadata', clusters: async () => new InMemoryClusters(), subject: placed },
  ])('writes nothing when $why', async ({ clusters: make, subject }) => {
    const clusters = await make();
    const before = await clusters.getByRegion('westus2');
    clusters.upsert = async () => {
      throw new Error('no write expected');
    };
    await releaseConnectorPlacement(clusters, subject);
    expect(await clusters.getByRegion('westus2')).toEqual(before);
  });

  it('refuses a placement its region does not list', async () => {
    const clusters = await clustersWith();
    const elsewhere = withPlacement(connector, { ...placementOf(placed)!, appServicePlanId: OTHER_PLAN });
    await expect(releaseConnectorPlacement(clusters, elsewhere)).rejects.toMatchObject({ code: 'PlacementNotInRegion' });
  });
});
