import { startLocalSystem, type LocalSystem } from '@iomt/launcher';
import type { GlobalDbAccess } from '../audit/operation-documents';
import type { LoadOptions } from '../cli/load-options';
import type { KillableService } from '../cli/fault-spec';

/** What a load run drives and what it can do to it. */
export interface LoadTarget {
  readonly gatewayUrl: string;
  /** Present when the run started the system: kill and restart replicas. */
  readonly services?: {
    kill(service: KillableService, replica: number): Promise<void>;
    restart(service: KillableService, replica: number): Promise<void>;
  };
  /** Changes the fake ARM's faults; absent when there is no fake ARM to reach. */
  readonly setArmFaults?: (faults: Readonly<Record<string, unknown>>) => Promise<void>;
  /** Where the OperationDocuments are, to check the invariants against them. */
  readonly globalDb?: GlobalDbAccess;
  /** To peek the dead-letter queues. */
  readonly serviceBusConnectionString?: string;
  stop(): Promise<void>;
}

/** Starts the whole system (routers and workers as told, publish failures at the gateway if asked). */
export async function startOwnSystem(options: LoadOptions): Promise<LoadTarget> {
  const publishFaults = options.publishFailureRate > 0;
  const own = (service: KillableService): Record<string, string> => ({ ...options.serviceEnv['*'], ...options.serviceEnv[service] });
  const system: LocalSystem = await startLocalSystem({
    replicas: { 'operation-router': options.routers, 'iomt-provisioner': options.workers, 'fhir-provisioner': options.workers },
    serviceEnv: {
      gateway: { ...own('gateway'), ...(publishFaults ? { LOCAL_FAULT_PUBLISH_FAILURE_RATE: String(options.publishFailureRate) } : {}) },
      // Operations whose publication failed are re-published by the sweeper; sweep often enough for a run.
      'operation-router': { ...(publishFaults ? { ROUTER_SWEEP_INTERVAL_MS: '2000', ROUTER_SWEEP_GRACE_MS: '5000' } : {}), ...own('operation-router') },
      'iomt-provisioner': own('iomt-provisioner'),
      'fhir-provisioner': own('fhir-provisioner'),
      'key-rotator': own('key-rotator'),
    },
  });
  if (Object.keys(options.armFaults).length > 0) system.stack.arm.setFaults({ ...options.armFaults, seed: options.seed });
  return {
    gatewayUrl: system.gatewayUrl,
    services: {
      kill: (service, replica) => system.services.kill(service, replica),
      restart: (service, replica) => system.services.restart(service, replica),
    },
    setArmFaults: async (faults) => {
      system.stack.arm.setFaults(faults);
    },
    globalDb: { endpoint: system.env['COSMOS_ENDPOINT'], key: system.env['COSMOS_KEY'], database: system.env['COSMOS_DATABASE'] ?? 'globaldb' },
    serviceBusConnectionString: system.env['SERVICEBUS_CONNECTION_STRING'],
    stop: () => system.stop(),
  };
}

/**
 * A gateway already running (`npm start`, another machine): faults only through the fake ARM's
 * control routes when its URL is given; Cosmos and the dead-letter queues are read when
 * COSMOS_ENDPOINT/COSMOS_KEY and SERVICEBUS_CONNECTION_STRING are in this process's environment.
 */
export async function runningSystem(options: LoadOptions, env: NodeJS.ProcessEnv): Promise<LoadTarget> {
  const fakeArm = options.fakeArmUrl;
  const setArmFaults =
    fakeArm === undefined
      ? undefined
      : async (faults: Readonly<Record<string, unknown>>) => {
          const response = await fetch(`${fakeArm}/_fake/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
          if (!response.ok) throw new Error(`the fake ARM refused the faults (${response.status}): ${await response.text()}`);
        };
  if (setArmFaults !== undefined && Object.keys(options.armFaults).length > 0) await setArmFaults({ ...options.armFaults, seed: options.seed });
  const { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: key, SERVICEBUS_CONNECTION_STRING: serviceBus } = env;
  return {
    gatewayUrl: options.gatewayUrl ?? '',
    setArmFaults,
    globalDb: endpoint && key ? { endpoint, key, database: env['COSMOS_DATABASE'] || 'globaldb' } : undefined,
    serviceBusConnectionString: serviceBus || undefined,
    stop: async () => undefined,
  };
}
