import { clusterMetadataDocument, INFRA_SUBSCRIPTION_ID } from '../test-support/document-samples';
import { LooseDocument, variantOf } from '../test-support/loose-document';
import { clusterMetadataCodec, hasAppCapacity, hasResourceGroupCapacity } from './cluster-metadata';

describe('cluster metadata', () => {
  it('fills defaults for a minimal region', () => {
    expect(clusterMetadataCodec.parse({ id: 'uksouth', type: 'clusterMetadata', regionName: 'uksouth' })).toEqual({
      id: 'uksouth',
      type: 'clusterMetadata',
      regionName: 'uksouth',
      enabled: true,
      infrastructureSubscriptions: [],
      appServicePlans: [],
    });
  });

  it.each<[string, (doc: LooseDocument) => void, string, string]>([
    ['a display name as region name', (d) => (d.regionName = 'West US 2'), 'regionName', 'must be a normalised region name such as westus2'],
    ['a bad infrastructure subscription', (d) => (d.infrastructureSubscriptions[0].subscriptionId = 'x'), 'infrastructureSubscriptions[0].subscriptionId', 'must be a subscription id (a GUID)'],
    ['more than 980 resource groups', (d) => (d.infrastructureSubscriptions[0].maxResourceGroups = 981), 'infrastructureSubscriptions[0].maxResourceGroups', 'must be at most 980'],
    ['a negative app count', (d) => (d.appServicePlans[0].appCount = -1), 'appServicePlans[0].appCount', 'must be at least 0'],
    ['a plan with no room at all', (d) => (d.appServicePlans[0].maxApps = 0), 'appServicePlans[0].maxApps', 'must be at least 1'],
  ])('reports %s', (_case, change, path, message) => {
    expect(clusterMetadataCodec.validate(variantOf(clusterMetadataDocument, change))).toEqual([{ path, message }]);
  });

  it.each([
    [{ enabled: true, resourceGroupCount: 979, maxResourceGroups: 980 }, true],
    [{ enabled: true, resourceGroupCount: 980, maxResourceGroups: 980 }, false],
    [{ enabled: false, resourceGroupCount: 0, maxResourceGroups: 980 }, false],
  ])('subscription %j has room: %s', (counts, room) => {
    expect(hasResourceGroupCapacity({ subscriptionId: INFRA_SUBSCRIPTION_ID, ...counts })).toBe(room);
  });

  it.each([
    [99, true],
    [100, false],
  ])('a plan of 100 apps with %d apps has room: %s', (appCount, room) => {
    const plan = { resourceId: '/plan', infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, resourceGroupName: 'rg', maxApps: 100, appCount };
    expect(hasAppCapacity(plan)).toBe(room);
  });
});
