import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { startLocalSystem, type LocalSystem, type ServiceName } from '@iomt/launcher';
import { ArmClient } from '../src';
import { deploymentIntervals, deploymentPuts, fhirDeploymentName, onlyDeployment } from './support/arm-deployments';
import { createFhirService, provisioningStateOf, terminalStatusOf, type AcceptedCreate } from './support/fhir-operations';
import { GlobalDbRecords, StoredStatus } from './support/global-db-records';
import { waitUntil } from './support/wait-until';

// Slow ARM answers and a deployment that stays in progress for several polls keep a deployment
// in flight long enough to kill a process in the middle of it.
const IN_FLIGHT_FAULTS = { latencyMs: 120, lroReadsBeforeDone: 8 };

/** Which process a scenario kills while the operation's deployment is in flight, and when it comes back. */
interface CrashScenario {
  readonly label: string;
  /** Attempts the operation ends with: a router resumes it as a new attempt; a worker's redelivered command does not count. */
  readonly attempts: number;
  /** Runs before the operation is created. */
  prepare?(system: LocalSystem): Promise<void>;
  /** The process to kill. */
  victim(operationId: string): Promise<{ name: ServiceName; replica: number }>;
  /** Restarted at once, or only after the operation ended (another replica carried it on). */
  readonly restart: 'at-once' | 'after-the-end';
}

const SCENARIOS: CrashScenario[] = [
  {
    label: 'the only router replica, killed and restarted',
    attempts: 2,
    victim: async () => ({ name: 'operation-router', replica: 0 }),
    restart: 'at-once',
  },
  {
    label: 'the router replica running it, killed while a second replica runs: the second takes over',
    attempts: 2,
    prepare: (system) => system.services.restart('operation-router', 1),
    victim: async (operationId) => ({ name: 'operation-router', replica: await replicaRunning(operationId) }),
    restart: 'after-the-end',
  },
  {
    label: 'the fhir-provisioner, killed and restarted',
    attempts: 1,
    victim: async () => ({ name: 'fhir-provisioner', replica: 0 }),
    restart: 'at-once',
  },
];

/** The router replicas' log lines, with their replica number. */
const routerLines: { replica: number; line: string }[] = [];

function keepLog(source: string, line: string): void {
  const router = /^operation-router(?:#(\d+))?$/.exec(source);
  if (router) routerLines.push({ replica: Number(router[1] ?? 0), line });
  const file = process.env['LOCAL_SYSTEM_LOG_FILE'];
  if (file) appendFileSync(file, `[${source}] ${line}\n`);
}

/** The replica that runs an operation: the first router replica whose logs name it. */
function replicaRunning(operationId: string): Promise<number> {
  return waitUntil(`a router replica to log operation ${operationId}`, () => routerLines.find((l) => l.line.includes(operationId))?.replica);
}

describe('a process killed (SIGKILL) while a deployment is in flight', () => {
  let system: LocalSystem;
  let client: ArmClient;
  let db: GlobalDbRecords;

  beforeAll(async () => {
    system = await startLocalSystem({
      replicas: { 'operation-router': 2 },
      // The router waits for the restarted worker's reply however long its restart takes on a busy machine.
      serviceEnv: { 'operation-router': { SERVICEBUS_REPLY_TIMEOUT_MS: '150000' } },
      log: keepLog,
    });
    // The first scenario has a single router replica; the second starts the other one again.
    await system.services.kill('operation-router', 1);
    client = new ArmClient({ baseUrl: system.gatewayUrl });
    db = new GlobalDbRecords(system.env);
    system.stack.arm.setFaults(IN_FLIGHT_FAULTS);
  });
  afterAll(async () => {
    db?.dispose();
    await system?.stop();
  });

  describe.each(SCENARIOS.map((scenario) => [scenario.label, scenario] as const))('%s', (_label, scenario) => {
    let created: AcceptedCreate;
    let queuedBehind: AcceptedCreate;
    let stateAtKill: { operation?: number; deployment?: string };

    beforeAll(async () => {
      await scenario.prepare?.(system);
      const subscriptionId = randomUUID();
      created = await createFhirService(client, subscriptionId, `fhir-crash-${randomUUID().slice(0, 8)}`);
      const deployment = fhirDeploymentName(created.operationId);
      queuedBehind = await createFhirService(client, subscriptionId, `fhir-queued-${randomUUID().slice(0, 8)}`);
      await waitUntil(`the fake ARM to receive the PUT of ${deployment}`, () => (deploymentPuts(system.stack.arm, deployment).length > 0 ? true : undefined));
      const victim = await scenario.victim(created.operationId);
      stateAtKill = {
        operation: (await db.operation(subscriptionId, created.operationId))?.provisioningStatus,
        deployment: deploymentIntervals(system.stack.arm, deployment)[0]?.provisioningState,
      };
      await system.services.kill(victim.name, victim.replica);
      if (scenario.restart === 'at-once') await system.services.restart(victim.name, victim.replica);
      await terminalStatusOf(client, created);
      await terminalStatusOf(client, queuedBehind);
      if (scenario.restart === 'after-the-end') await system.services.restart(victim.name, victim.replica);
    });

    it('was killed with the operation Running and its deployment not yet ended', () => {
      expect(stateAtKill.operation).toBe(StoredStatus.Running);
      expect(['Accepted', 'Running']).toContain(stateAtKill.deployment);
    });

    it('still carries the operation to Succeeded, as the gateway and the Global DB tell', async () => {
      expect((await terminalStatusOf(client, created)).status).toBe('Succeeded');
      expect(await provisioningStateOf(client, created)).toBe('Succeeded');
      const stored = await db.operation(created.subscriptionId, created.operationId);
      expect(stored).toMatchObject({ provisioningStatus: StoredStatus.Completed, attemptCount: scenario.attempts, timeEnded: expect.any(String) });
      expect(stored?.exceptionDetails).toBeUndefined();
    });

    it('deploys once: one accepted PUT of the deterministic deployment name, one deployment, Succeeded', () => {
      const name = fhirDeploymentName(created.operationId);
      expect(deploymentPuts(system.stack.arm, name).filter((call) => call.status < 300)).toHaveLength(1);
      expect(deploymentIntervals(system.stack.arm, name).map((d) => d.provisioningState)).toEqual(['Succeeded']);
    });

    it('then runs the operation queued behind it in the same subscription, after it ended', async () => {
      expect((await terminalStatusOf(client, queuedBehind)).status).toBe('Succeeded');
      const first = await db.operation(created.subscriptionId, created.operationId);
      const next = onlyDeployment(system.stack.arm, fhirDeploymentName(queuedBehind.operationId));
      expect(next.startMs).toBeGreaterThanOrEqual(Date.parse(first?.timeEnded ?? ''));
      expect(deploymentPuts(system.stack.arm, next.name).filter((call) => call.status < 300)).toHaveLength(1);
    });

    it('archives the operation once (one CompletedOperationDocument, Completed)', async () => {
      const records = await waitUntil('the archive record', async () => {
        const found = await db.completedRecordsOf(created.subscriptionId, created.operationId);
        return found.length > 0 ? found : undefined;
      });
      expect(records).toHaveLength(1);
      expect(records[0].operation.provisioningStatus).toBe(StoredStatus.Completed);
    });
  });

  describe('afterwards', () => {
    it('leaves no operation Requested or Running', async () => {
      expect(await db.nonTerminalOperations()).toEqual([]);
    });
  });
});
