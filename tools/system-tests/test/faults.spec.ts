import { randomUUID } from 'node:crypto';
import { startLocalSystem, type LocalSystem } from '@iomt/launcher';
import type { FakeArmFaults } from '@iomt/local-stack';
import { ArmClient, type OperationStatusBody } from '../src';
import { deploymentIntervals, deploymentPuts, fhirDeploymentName } from './support/arm-deployments';
import { createFhirService, provisioningStateOf, terminalStatusOf, type AcceptedCreate } from './support/fhir-operations';
import { GlobalDbRecords, StoredStatus } from './support/global-db-records';
import { OperationsQueue } from './support/operations-queue';
import { waitUntil } from './support/wait-until';

const MAX_ATTEMPTS = 3;
const MAX_DELIVERIES = 2;

describe('faults: ARM failures retried then Failed, poison messages dead-lettered, nothing left unfinished', () => {
  let system: LocalSystem;
  let client: ArmClient;
  let db: GlobalDbRecords;
  let queue: OperationsQueue;

  /** Creates a FHIR service while the fake ARM injects `faults`; returns it and its terminal status. */
  async function createUnder(faults: Partial<FakeArmFaults>): Promise<{ created: AcceptedCreate; status: OperationStatusBody }> {
    system.stack.arm.setFaults(faults);
    try {
      const created = await createFhirService(client, randomUUID(), `fhir-fault-${randomUUID().slice(0, 8)}`);
      return { created, status: await terminalStatusOf(client, created) };
    } finally {
      system.stack.arm.setFaults({ failDeploymentsMatching: null, failureRate: 0, pathPattern: null });
    }
  }

  beforeAll(async () => {
    system = await startLocalSystem({
      serviceEnv: {
        'operation-router': {
          ROUTER_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
          ROUTER_RETRY_BASE_DELAY_MS: '50',
          ROUTER_RETRY_MAX_DELAY_MS: '200',
          // The delivery that reaches this count is the last: one crash mid-operation uses it up.
          ROUTER_MAX_DELIVERY_COUNT: String(MAX_DELIVERIES),
        },
      },
    });
    client = new ArmClient({ baseUrl: system.gatewayUrl });
    db = new GlobalDbRecords(system.env);
    queue = new OperationsQueue(system.env['SERVICEBUS_CONNECTION_STRING']);
  });
  afterAll(async () => {
    await queue?.close();
    db?.dispose();
    await system?.stop();
  });

  // A deployment that ARM ends Failed for a cause that is not passing is not retried (the same
  // template would fail the same way); ARM answering 500 is, up to the router's attempt limit.
  describe.each<[string, Partial<FakeArmFaults>, { attempts: number; code: string; message: RegExp; deployments: string[] }]>([
    [
      'every deployment ends Failed',
      { failDeploymentsMatching: '^fhir-service-' },
      { attempts: 1, code: 'DeploymentFailed', message: /The deployment 'fhir-service-[^']+' failed/, deployments: ['Failed'] },
    ],
    [
      'every deployment write is answered 500',
      { failureRate: 1, pathPattern: '/deployments/' },
      { attempts: MAX_ATTEMPTS, code: 'ServiceUnavailable', message: /Could not deploy 'fhir-service-[^']+': ARM is unavailable/, deployments: [] },
    ],
  ])('when %s', (_label, faults, expected) => {
    let created: AcceptedCreate;
    let status: OperationStatusBody;

    beforeAll(async () => {
      ({ created, status } = await createUnder(faults));
    });

    it('ends the operation Failed with exceptionDetails after its attempts', async () => {
      const stored = await db.operation(created.subscriptionId, created.operationId);
      expect(stored).toMatchObject({ provisioningStatus: StoredStatus.Failed, attemptCount: expected.attempts, timeEnded: expect.any(String) });
      expect(stored?.exceptionDetails).toMatch(new RegExp(`^${expected.code}: ${expected.message.source}`));
    });

    it('deployed on every attempt (a PUT of its deterministic name each time) and left what ARM made of it', () => {
      const name = fhirDeploymentName(created.operationId);
      expect(deploymentPuts(system.stack.arm, name).length).toBeGreaterThanOrEqual(expected.attempts);
      expect(deploymentIntervals(system.stack.arm, name).map((d) => d.provisioningState)).toEqual(expected.deployments);
    });

    it('shows the failure through the gateway: operation status Failed with its ARM error, provisioningState Failed', async () => {
      expect(status).toMatchObject({ status: 'Failed', error: { code: expected.code, message: expect.stringMatching(expected.message) } });
      expect(await provisioningStateOf(client, created)).toBe('Failed');
    });

    it('archives the failed operation once', async () => {
      const records = await db.completedRecordsOf(created.subscriptionId, created.operationId);
      expect(records.map((r) => r.operation.provisioningStatus)).toEqual([StoredStatus.Failed]);
    });
  });

  it('dead-letters a message whose body is not an operation.requested, naming why', async () => {
    const sessionId = randomUUID();
    const messageId = randomUUID();
    await queue.send(sessionId, { hello: 'world' }, messageId);
    const dead = await queue.deadLetter(`message ${messageId}`, (m) => m.messageId === messageId);
    expect(dead.deadLetterReason).toBe('InvalidMessage');
    expect(dead.deadLetterErrorDescription).toMatch(/operationId|subscriptionId/);
    expect(dead.body).toEqual({ hello: 'world' });
  });

  describe('a corrupt message naming a real operation', () => {
    let created: AcceptedCreate;

    beforeAll(async () => {
      // The router is down while the gateway accepts the create, so its message can be swapped
      // for a corrupt copy (naming another subscription) before any router sees it.
      await system.services.kill('operation-router', 0);
      created = await createFhirService(client, randomUUID(), `fhir-poison-${randomUUID().slice(0, 8)}`);
      const original = await queue.take(created.subscriptionId);
      const body = original.body as { operationId: string };
      await queue.send(created.subscriptionId, { ...body, subscriptionId: randomUUID() }, `${body.operationId}-corrupt`);
      await system.services.restart('operation-router', 0);
    });

    it('ends in the dead-letter queue', async () => {
      const dead = await queue.deadLetter(`the corrupt copy of ${created.operationId}`, (m) => m.messageId === `${created.operationId}-corrupt`);
      expect(dead.deadLetterReason).toBe('InvalidMessage');
      expect(dead.deadLetterErrorDescription).toContain(`came in session ${created.subscriptionId}`);
    });

    it('with its operation Failed, its exceptionDetails and the gateway saying so', async () => {
      const status = await terminalStatusOf(client, created);
      expect(status).toMatchObject({ status: 'Failed', error: { code: 'InvalidMessage' } });
      const stored = await db.operation(created.subscriptionId, created.operationId);
      expect(stored).toMatchObject({ provisioningStatus: StoredStatus.Failed, exceptionDetails: expect.stringMatching(/^InvalidMessage: /) });
      expect(await provisioningStateOf(client, created)).toBe('Failed');
      expect(deploymentPuts(system.stack.arm, fhirDeploymentName(created.operationId))).toEqual([]);
    });
  });

  describe('an operation whose every delivery ends with the router crashing', () => {
    let created: AcceptedCreate;

    beforeAll(async () => {
      system.stack.arm.setFaults({ latencyMs: 100, lroReadsBeforeDone: 8 });
      try {
        created = await createFhirService(client, randomUUID(), `fhir-crashloop-${randomUUID().slice(0, 8)}`);
        const deployment = fhirDeploymentName(created.operationId);
        await waitUntil(`the fake ARM to receive the PUT of ${deployment}`, () => (deploymentPuts(system.stack.arm, deployment).length > 0 ? true : undefined));
        await system.services.kill('operation-router', 0);
        await system.services.restart('operation-router', 0);
        await terminalStatusOf(client, created);
      } finally {
        system.stack.arm.setFaults({ latencyMs: 0, lroReadsBeforeDone: 1 });
      }
    });

    it('is dead-lettered on its last delivery, naming why', async () => {
      const dead = await queue.deadLetter(`the message of ${created.operationId}`, (m) => m.messageId === created.operationId);
      expect(dead.deadLetterReason).toBe('MaxDeliveryCountReached');
      expect(dead.deadLetterErrorDescription).toContain(`delivered ${MAX_DELIVERIES} times`);
    });

    it('with its operation Failed (MaxDeliveryCountReached) rather than left Running, and the gateway saying so', async () => {
      expect(await terminalStatusOf(client, created)).toMatchObject({ status: 'Failed', error: { code: 'MaxDeliveryCountReached' } });
      const stored = await db.operation(created.subscriptionId, created.operationId);
      expect(stored).toMatchObject({ provisioningStatus: StoredStatus.Failed, exceptionDetails: expect.stringMatching(/^MaxDeliveryCountReached: /) });
      expect(await provisioningStateOf(client, created)).toBe('Failed');
    });
  });

  describe('afterwards', () => {
    it('leaves no operation Requested or Running', async () => {
      expect(await db.nonTerminalOperations()).toEqual([]);
    });
  });
});
