import {
  ArmProvisioningState,
  isTerminalProvisioningState,
  provisioningStateOf,
  ResourceState,
  resourceStateSchema,
} from './resource-state';

describe('ResourceState', () => {
  it("keeps the seed's numbers", () => {
    expect([
      ResourceState.Accepted,
      ResourceState.Provisioned,
      ResourceState.Deprovisioned,
      ResourceState.Provisioning,
      ResourceState.Verifying,
      ResourceState.Updating,
      ResourceState.Failed,
      ResourceState.Deprovisioning,
      ResourceState.Moving,
      ResourceState.Canceled,
    ]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each<[ResourceState, ArmProvisioningState, boolean]>([
    [ResourceState.Accepted, 'Accepted', false],
    [ResourceState.Provisioned, 'Succeeded', true],
    [ResourceState.Deprovisioned, 'Deprovisioned', false],
    [ResourceState.Provisioning, 'Creating', false],
    [ResourceState.Verifying, 'Verifying', false],
    [ResourceState.Updating, 'Updating', false],
    [ResourceState.Failed, 'Failed', true],
    [ResourceState.Deprovisioning, 'Deleting', false],
    [ResourceState.Moving, 'Moving', false],
    [ResourceState.Canceled, 'Canceled', true],
  ])('%s shows ARM provisioningState %s (terminal: %s)', (state, armState, terminal) => {
    expect(provisioningStateOf(state)).toBe(armState);
    expect(isTerminalProvisioningState(armState)).toBe(terminal);
  });

  it.each([
    [1, ResourceState.Provisioned],
    ['Deprovisioning', ResourceState.Deprovisioning],
    ['moving', ResourceState.Moving],
  ])('reads %j', (stored, state) => {
    expect(resourceStateSchema.parse(stored)).toBe(state);
  });

  it.each([10, -1, 'Deleted', 'Succeeded', null])('rejects %j', (stored) => {
    expect(resourceStateSchema.safeParse(stored).success).toBe(false);
  });
});
