import { PlacementNotInRegionError, RegionCapacityExhaustedError } from './allocation.errors';
import { planId, regionWith, SUB_A, SUB_B } from './allocation.test-support';
import { recordPlacement, releasePlacement } from './placement-accounting';

const region = () =>
  regionWith(
    [{ id: SUB_A, groups: 3 }, { id: SUB_B }],
    [
      { sub: SUB_A, name: 'asp-1', apps: 3, max: 4 },
      { sub: SUB_B, name: 'asp-2', apps: 0, max: 4 },
    ],
  );
const onPlan1 = { infrastructureSubscriptionId: SUB_A, appServicePlanId: planId(SUB_A, 'asp-1') };

describe('placement accounting', () => {
  it('counts one more app on the plan and one more resource group in its subscription, and nothing else', () => {
    const before = region();
    const after = recordPlacement(before, { ...onPlan1, appServicePlanId: onPlan1.appServicePlanId.toUpperCase() });
    expect(after.appServicePlans.map((p) => p.appCount)).toEqual([4, 0]);
    expect(after.infrastructureSubscriptions.map((s) => s.resourceGroupCount)).toEqual([4, 0]);
    expect(before.appServicePlans[0].appCount).toBe(3);
  });

  it('gives the app and resource group back on release, never below zero', () => {
    const released = releasePlacement(region(), onPlan1);
    expect(released.appServicePlans[0].appCount).toBe(2);
    expect(released.infrastructureSubscriptions[0].resourceGroupCount).toBe(2);
    const onPlan2 = { infrastructureSubscriptionId: SUB_B, appServicePlanId: planId(SUB_B, 'asp-2') };
    expect(releasePlacement(region(), onPlan2).appServicePlans[1].appCount).toBe(0);
  });

  it('refuses to record on a plan that filled up since the choice', () => {
    const full = recordPlacement(region(), onPlan1);
    expect(() => recordPlacement(full, onPlan1)).toThrow(RegionCapacityExhaustedError);
  });

  it.each([
    ['an unknown plan', { infrastructureSubscriptionId: SUB_A, appServicePlanId: planId(SUB_A, 'asp-9') }],
    [
      'a plan named with the wrong subscription',
      { infrastructureSubscriptionId: SUB_B, appServicePlanId: planId(SUB_A, 'asp-1') },
    ],
    [
      'a subscription the region does not list',
      {
        infrastructureSubscriptionId: 'cccccccc-0000-4000-8000-000000000003',
        appServicePlanId: planId(SUB_A, 'asp-1'),
      },
    ],
  ])('refuses %s', (_case, placement) => {
    expect(() => recordPlacement(region(), placement)).toThrow(PlacementNotInRegionError);
    expect(() => releasePlacement(region(), placement)).toThrow(PlacementNotInRegionError);
  });
});
