import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArmState } from './arm-state';
import { CallLog, type CallsView } from './call-log';
import { deploymentRoutes } from './deployments';
import { eventHubBehaviours, eventHubRoutes } from './event-hubs';
import { type FakeArmFaults, FaultInjector } from './faults';
import { genericResourceRoutes } from './generic-resources';
import {
  type DeploymentSnapshot,
  type FakeArmControl,
  type FakeArmSnapshot,
  inspectionRoutes,
  snapshotOf,
} from './inspection';
import { keyVaultBehaviours, secretValue } from './key-vault';
import { LongRunningOperations } from './long-running';
import { createRequestListener } from './request-pipeline';
import { resourceGroupRoutes } from './resource-groups';
import { type ResourceView, resourceView } from './resource-view';
import { ArmRouter } from './router';
import { storageBehaviours, storageRoutes } from './storage';
import { streamAnalyticsBehaviours, streamAnalyticsRoutes } from './stream-analytics';

/** Options of {@link startFakeArm}. */
export interface FakeArmOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Defaults to 127.0.0.1. */
  readonly host?: string;
  /** Faults from the start; `reset()` returns to these. */
  readonly faults?: Partial<FakeArmFaults>;
}

/** A running fake ARM. */
export interface FakeArm extends FakeArmControl {
  /** `http://127.0.0.1:<port>`: pass it as the SDK clients' `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** Resources that exist now, optionally of one type (case-insensitive). */
  resources(type?: string): ResourceView[];
  /** One resource by id (case-insensitive). */
  resource(id: string): ResourceView | undefined;
  deployments(): DeploymentSnapshot[];
  /** The value of a Key Vault secret resource (values never appear in views or inspection). */
  secretValue(id: string): string | undefined;
  snapshot(type?: string): FakeArmSnapshot;
  calls(): CallsView;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}

/**
 * Starts an in-memory Azure Resource Manager that the unmodified `@azure/arm-*` clients can
 * talk to (see `fakeArmClientOptions`). Throws on invalid fault settings.
 */
export async function startFakeArm(options: FakeArmOptions = {}): Promise<FakeArm> {
  const faults = new FaultInjector(FaultInjector.parse(options.faults ?? {}));
  const state = new ArmState([
    ...eventHubBehaviours(),
    ...storageBehaviours(),
    ...streamAnalyticsBehaviours(),
    ...keyVaultBehaviours(),
  ]);
  const lro = new LongRunningOperations(() => faults.readsBeforeDone());
  const calls = new CallLog();
  const control = controlOf(state, lro, calls, faults);
  const arm = new ArmRouter([
    ...lro.routes(),
    ...resourceGroupRoutes(state, lro),
    ...deploymentRoutes(state, lro, faults),
    ...eventHubRoutes(state),
    ...storageRoutes(state),
    ...streamAnalyticsRoutes(state, lro),
    ...genericResourceRoutes(state),
  ]);
  const server = createServer(
    createRequestListener({ arm, control: new ArmRouter(inspectionRoutes(control)), faults, calls }),
  );
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  return {
    ...control,
    endpoint: `http://${host}:${port}`,
    port,
    resources: (type) => snapshotOf(state, type).resources,
    resource: (id) => {
      const record = state.resource(id);
      return record && resourceView(record);
    },
    deployments: () => snapshotOf(state).deployments,
    secretValue: (id) => secretValue(state, id),
    stop: () => close(server),
  };
}

function controlOf(state: ArmState, lro: LongRunningOperations, calls: CallLog, faults: FaultInjector): FakeArmControl {
  return {
    snapshot: (type) => snapshotOf(state, type),
    calls: () => calls.view(),
    clearCalls: () => calls.clear(),
    faults: () => faults.settings,
    setFaults: (update) => faults.update(update),
    reset: () => {
      state.clear();
      lro.clear();
      calls.clear();
      faults.reset();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
