import { randomUUID } from 'node:crypto';
import { startLocalSystem, type LocalSystem, type ServiceName } from '@iomt/launcher';
import { ArmClient } from '../src';
import { deploymentIntervals, deploymentPuts, fhirDeploymentName, onlyDeployment } from './support/arm-deployments';
import { createFhirService, provisioningStateOf, terminalStatusOf, type AcceptedCreate } from './support/fhir-operations';
import { GlobalDbRecords, StoredStatus } from './support/global-db-records';
import { waitUntil } from './support/wait-until';

// Slow ARM answers and a deployment that stays in progress for several polls keep a deployment
// in flight long enough to kill a process in the middle of it.
const IN_FLIGHT_FAULTS = { latencyMs: 120, lroReadsBeforeDone: 8 };

describe('a process killed (SIGKILL) while a deployment is in flight', () => {
  let system: LocalSystem;
  let client: ArmClient;
  let db: GlobalDbRecords;

  beforeAll(async () => {
    system = await startLocalSystem();
    client = new ArmClient({ baseUrl: system.gatewayUrl });
    db = new GlobalDbRecords(system.env);
    system.stack.arm.setFaults(IN_FLIGHT_FAULTS);
  });
  afterAll(async () => {
    db?.dispose();
    await system?.stop();
  });

  // The router resumes the operation from its document (a second attempt, counted); a restarted
  // worker takes the redelivered command while the router still waits for the reply.
  describe.each<[ServiceName, number]>([
    ['operation-router', 2],
    ['fhir-provisioner', 1],
  ])('the %s', (victim, attempts) => {
    let created: AcceptedCreate;
    let queuedBehind: AcceptedCreate;
    let stateAtKill: { operation?: number; deployment?: string };

    beforeAll(async () => {
      const subscriptionId = randomUUID();
      created = await createFhirService(client, subscriptionId, `fhir-crash-${randomUUID().slice(0, 8)}`);
      const deployment = fhirDeploymentName(created.operationId);
      queuedBehind = await createFhirService(client, subscriptionId, `fhir-queued-${randomUUID().slice(0, 8)}`);
      await waitUntil(`the fake ARM to receive the PUT of ${deployment}`, () => (deploymentPuts(system.stack.arm, deployment).length > 0 ? true : undefined));
      stateAtKill = {
        operation: (await db.operation(subscriptionId, created.operationId))?.provisioningStatus,
        deployment: deploymentIntervals(system.stack.arm, deployment)[0]?.provisioningState,
      };
      await system.services.kill(victim, 0);
      await system.services.restart(victim, 0);
      await terminalStatusOf(client, created);
      await terminalStatusOf(client, queuedBehind);
    });

    it('was killed with the operation Running and its deployment not yet ended', () => {
      expect(stateAtKill.operation).toBe(StoredStatus.Running);
      expect(['Accepted', 'Running']).toContain(stateAtKill.deployment);
    });

    it('still carries the operation to Succeeded, as the gateway and the Global DB tell', async () => {
      expect((await terminalStatusOf(client, created)).status).toBe('Succeeded');
      expect(await provisioningStateOf(client, created)).toBe('Succeeded');
      const stored = await db.operation(created.subscriptionId, created.operationId);
      expect(stored).toMatchObject({ provisioningStatus: StoredStatus.Completed, attemptCount: attempts, timeEnded: expect.any(String) });
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
