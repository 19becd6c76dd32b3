import { numericEnum } from '../validation/enum-schemas';

/**
 * The state of a resource (seed 004 `ResourceState`, identical to `AccountState` there).
 * Stored as its number, as Json.NET writes C# enums by default; names are accepted on read.
 * `Canceled` (9) is ours: ARM has a terminal `Canceled` provisioning state the seed cannot express.
 */
export enum ResourceState {
  /** The resource's provisioning request has been accepted. */
  Accepted = 0,
  /** The resource is provisioned. */
  Provisioned = 1,
  /** The resource was deprovisioned. */
  Deprovisioned = 2,
  /** The resource is being provisioned for the first time. */
  Provisioning = 3,
  /** The resource is being verified. */
  Verifying = 4,
  /** The resource is undergoing an update or reprovisioning. */
  Updating = 5,
  /** The resource failed to be provisioned. */
  Failed = 6,
  /** The resource will be deprovisioned. */
  Deprovisioning = 7,
  /** The resource is in a moving state. */
  Moving = 8,
  /** The last operation on the resource was canceled. */
  Canceled = 9,
}

/** Schema of a stored {@link ResourceState}. */
export const resourceStateSchema = numericEnum(ResourceState);

/**
 * `properties.provisioningState` values of the HealthcareApis API (arm-rpc.md §2): the public
 * enum has `Creating` (no `Provisioning`) and `Deleting` for a resource on its way out.
 */
export type ArmProvisioningState =
  | 'Accepted'
  | 'Creating'
  | 'Updating'
  | 'Deleting'
  | 'Succeeded'
  | 'Failed'
  | 'Canceled'
  | 'Deprovisioned'
  | 'Verifying'
  | 'Moving';

const PROVISIONING_STATES: Readonly<Record<ResourceState, ArmProvisioningState>> = {
  [ResourceState.Accepted]: 'Accepted',
  [ResourceState.Provisioned]: 'Succeeded',
  [ResourceState.Deprovisioned]: 'Deprovisioned',
  [ResourceState.Provisioning]: 'Creating',
  [ResourceState.Verifying]: 'Verifying',
  [ResourceState.Updating]: 'Updating',
  [ResourceState.Failed]: 'Failed',
  [ResourceState.Deprovisioning]: 'Deleting',
  [ResourceState.Moving]: 'Moving',
  [ResourceState.Canceled]: 'Canceled',
};

/** The ARM `provisioningState` the gateway shows for a resource in `state`. */
export function provisioningStateOf(state: ResourceState): ArmProvisioningState {
  return PROVISIONING_STATES[state];
}

/** ARM's only terminal provisioning states (arm-rpc.md §1.5). */
export const TERMINAL_PROVISIONING_STATES: readonly ArmProvisioningState[] = ['Succeeded', 'Failed', 'Canceled'];

/** True when ARM stops polling: `Succeeded`, `Failed` or `Canceled`. */
export function isTerminalProvisioningState(state: ArmProvisioningState): boolean {
  return TERMINAL_PROVISIONING_STATES.includes(state);
}
