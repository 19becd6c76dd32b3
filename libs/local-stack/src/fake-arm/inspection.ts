import type { ArmState } from './arm-state';
import type { CallsView } from './call-log';
import { deploymentOperationView, deploymentView } from './deployment-record';
import type { FakeArmFaults } from './faults';
import { groupView } from './resource-groups';
import { type ResourceView, resourceView } from './resource-view';
import type { ArmRoute } from './router';

/** What exists in the fake ARM; resources can be filtered by type (case-insensitive). */
export interface FakeArmSnapshot {
  readonly resourceGroups: ReturnType<typeof groupView>[];
  readonly resources: ResourceView[];
  readonly deployments: DeploymentSnapshot[];
}

/** A deployment with its resource group and its operations. */
export type DeploymentSnapshot = ReturnType<typeof deploymentView> & {
  readonly resourceGroup: string;
  readonly operations: ReturnType<typeof deploymentOperationView>[];
};

/** The control surface shared by the `/_fake` routes and the programmatic API. */
export interface FakeArmControl {
  snapshot(type?: string): FakeArmSnapshot;
  calls(): CallsView;
  clearCalls(): void;
  faults(): FakeArmFaults;
  setFaults(update: Partial<FakeArmFaults>): FakeArmFaults;
  reset(): void;
}

/** Builds the snapshot of a state. */
export function snapshotOf(state: ArmState, type?: string): FakeArmSnapshot {
  return {
    resourceGroups: state.listGroups().map(groupView),
    resources: state.list(type ? { type } : {}).map(resourceView),
    deployments: [...state.deployments.values()].map((d) => ({
      ...deploymentView(d),
      resourceGroup: d.resourceGroup,
      operations: d.operations.map((o) => deploymentOperationView(d, o)),
    })),
  };
}

/**
 * The inspection and control routes under `/_fake/` (never counted, never faulted):
 * GET state (`?type=`), GET/DELETE calls, GET/POST faults (partial update), POST reset.
 */
export function inspectionRoutes(control: FakeArmControl): ArmRoute[] {
  return [
    {
      method: 'GET',
      template: '/_fake/state',
      handle: (r) => ({ status: 200, body: control.snapshot(r.query.get('type') ?? undefined) }),
    },
    { method: 'GET', template: '/_fake/calls', handle: () => ({ status: 200, body: control.calls() }) },
    { method: 'DELETE', template: '/_fake/calls', handle: () => (control.clearCalls(), { status: 204 }) },
    { method: 'GET', template: '/_fake/faults', handle: () => ({ status: 200, body: control.faults() }) },
    {
      method: 'POST',
      template: '/_fake/faults',
      handle: (r) => ({ status: 200, body: control.setFaults(r.body as Partial<FakeArmFaults>) }),
    },
    { method: 'POST', template: '/_fake/reset', handle: () => (control.reset(), { status: 204 }) },
  ];
}
