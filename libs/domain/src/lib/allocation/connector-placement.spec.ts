import { DomainError } from '../errors';
import { ClusterMetadata } from '../model';
import { AllocationErrorCode, RegionCapacityExhaustedError, RegionNotServedError } from './allocation.errors';
import { planId, regionWith, SUB_A, SUB_B } from './allocation.test-support';
import { chooseConnectorPlacement } from './connector-placement';
import { recordPlacement } from './placement-accounting';

const both = [{ id: SUB_A }, { id: SUB_B }];

describe('chooseConnectorPlacement', () => {
  it.each<[string, ClusterMetadata, string, string]>([
    [
      'the plan with the most free apps',
      regionWith(both, [
        { sub: SUB_A, name: 'asp-1', apps: 8, max: 10 },
        { sub: SUB_B, name: 'asp-2', apps: 5, max: 10 },
      ]),
      SUB_B,
      'asp-2',
    ],
    [
      'free apps, not the fill ratio (a big half-full plan beats a small empty one)',
      regionWith(both, [
        { sub: SUB_A, name: 'asp-1', apps: 50, max: 100 },
        { sub: SUB_B, name: 'asp-2', apps: 0, max: 10 },
      ]),
      SUB_A,
      'asp-1',
    ],
    [
      'on equal plans, the subscription with the most free resource groups',
      regionWith(
        [
          { id: SUB_A, groups: 900 },
          { id: SUB_B, groups: 10 },
        ],
        [
          { sub: SUB_A, name: 'asp-1', apps: 1, max: 10 },
          { sub: SUB_B, name: 'asp-2', apps: 1, max: 10 },
        ],
      ),
      SUB_B,
      'asp-2',
    ],
    [
      'on a full tie, the lowest plan id whatever the declaration order',
      regionWith(both, [
        { sub: SUB_B, name: 'asp-2', apps: 0, max: 10 },
        { sub: SUB_A, name: 'asp-1', apps: 0, max: 10 },
      ]),
      SUB_A,
      'asp-1',
    ],
    [
      'past a full plan',
      regionWith(both, [
        { sub: SUB_A, name: 'asp-1', apps: 10, max: 10 },
        { sub: SUB_B, name: 'asp-2', apps: 9, max: 10 },
      ]),
      SUB_B,
      'asp-2',
    ],
    [
      'past a plan whose subscription is full',
      regionWith(
        [{ id: SUB_A, groups: 980 }, { id: SUB_B }],
        [
          { sub: SUB_A, name: 'asp-1', apps: 0, max: 10 },
          { sub: SUB_B, name: 'asp-2', apps: 9, max: 10 },
        ],
      ),
      SUB_B,
      'asp-2',
    ],
    [
      'past a plan whose subscription is disabled',
      regionWith(
        [{ id: SUB_A, enabled: false }, { id: SUB_B }],
        [
          { sub: SUB_A, name: 'asp-1', apps: 0, max: 10 },
          { sub: SUB_B, name: 'asp-2', apps: 9, max: 10 },
        ],
      ),
      SUB_B,
      'asp-2',
    ],
    [
      'past a plan in a subscription the region does not list',
      regionWith(
        [{ id: SUB_B }],
        [
          { sub: SUB_A, name: 'asp-1', apps: 0, max: 10 },
          { sub: SUB_B, name: 'asp-2', apps: 9, max: 10 },
        ],
      ),
      SUB_B,
      'asp-2',
    ],
  ])('chooses %s', (_case, metadata, subscription, plan) => {
    expect(chooseConnectorPlacement('westus2', metadata)).toMatchObject({
      regionName: 'westus2',
      infrastructureSubscriptionId: subscription,
      appServicePlanId: planId(subscription, plan),
      appServicePlanResourceGroupName: 'rg-iomt-westus2',
    });
  });

  it('reports the room left, this connector included, and accepts a display name', () => {
    const metadata = regionWith(
      [{ id: SUB_A, groups: 970, maxGroups: 980 }],
      [{ sub: SUB_A, name: 'asp-1', apps: 7, max: 10 }],
    );
    expect(chooseConnectorPlacement('West US 2', metadata)).toMatchObject({
      remainingApps: 3,
      remainingResourceGroups: 10,
    });
  });

  it('spreads consecutive connectors over equal plans, then fills the region and stops', () => {
    let metadata = regionWith(both, [
      { sub: SUB_A, name: 'asp-1', apps: 0, max: 2 },
      { sub: SUB_B, name: 'asp-2', apps: 0, max: 2 },
    ]);
    const chosen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const placement = chooseConnectorPlacement('westus2', metadata);
      chosen.push(placement.appServicePlanId.split('/').pop() as string);
      metadata = recordPlacement(metadata, placement);
    }
    expect(chosen).toEqual(['asp-1', 'asp-2', 'asp-1', 'asp-2']);
    expect(() => chooseConnectorPlacement('westus2', metadata)).toThrow(RegionCapacityExhaustedError);
  });

  const onePlan = (apps: number) => [{ sub: SUB_A, name: 'asp-1', apps, max: 10 }];
  it.each<[string, ClusterMetadata | undefined, typeof DomainError, RegExp]>([
    ['an unknown region', undefined, RegionNotServedError, /not offered in region 'westus2'/],
    ['a disabled region', regionWith(both, onePlan(0), false), RegionNotServedError, /closed to new IoMT connectors/],
    ['a region with no plan', regionWith(both, []), RegionCapacityExhaustedError, /has no App Service plan/],
    ['a full region', regionWith(both, onePlan(10)), RegionCapacityExhaustedError, /has no capacity left/],
  ])('refuses %s with a clear error', (_case, metadata, type, message) => {
    const error = catchError(() => chooseConnectorPlacement('westus2', metadata));
    expect(error).toBeInstanceOf(type);
    const code =
      type === RegionNotServedError
        ? AllocationErrorCode.LocationNotAvailable
        : AllocationErrorCode.RegionCapacityExhausted;
    expect(error).toMatchObject({ code, target: 'location', retryable: false });
    expect(error.message).toMatch(message);
  });

  it('refuses metadata of another region as not served', () => {
    const metadata = {
      ...regionWith(both, [{ sub: SUB_A, name: 'asp-1', apps: 0, max: 10 }]),
      id: 'uksouth',
      regionName: 'uksouth',
    };
    expect(() => chooseConnectorPlacement('westus2', metadata)).toThrow(RegionNotServedError);
  });

  it('says, per plan, why a full region is full', () => {
    const metadata = regionWith(
      [{ id: SUB_A }, { id: SUB_B, groups: 5, maxGroups: 5 }],
      [
        { sub: SUB_A, name: 'asp-1', apps: 10, max: 10 },
        { sub: SUB_B, name: 'asp-2', apps: 0, max: 10 },
      ],
    );
    const error = catchError(() => chooseConnectorPlacement('westus2', metadata));
    expect(error.kind).toBe('conflict');
    expect(error.details).toEqual([
      {
        code: 'AppServicePlanFull',
        message: `Plan ${planId(SUB_A, 'asp-1')} hosts 10 of 10 apps.`,
        target: planId(SUB_A, 'asp-1'),
      },
      {
        code: 'InfrastructureSubscriptionUnavailable',
        message: `Subscription ${SUB_B} of plan ${planId(SUB_B, 'asp-2')} holds 5 of 5 resource groups.`,
        target: planId(SUB_B, 'asp-2'),
      },
    ]);
  });
});

function catchError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error');
}
