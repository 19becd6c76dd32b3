import { randomUUID } from 'node:crypto';
import { startLocalSystem, type LocalSystem } from '@iomt/launcher';
import { ArmClient } from '../src';
import { deploymentPuts, fhirDeploymentName, onlyDeployment, overlaps, type DeploymentInterval } from './support/arm-deployments';
import { createFhirService, terminalStatusOf, type AcceptedCreate } from './support/fhir-operations';
import { GlobalDbRecords, StoredStatus, type StoredOperation } from './support/global-db-records';
import { waitUntil } from './support/wait-until';

/** An operation as it ran: its stored document and its deployment in the fake ARM. */
interface RanOperation {
  readonly operation: StoredOperation;
  readonly deployment: DeploymentInterval;
}

// Every deployment lasts long enough for an overlap to show if there is one: ARM latency on every
// request, and deployments that stay in progress for many polls. The other subscriptions' first
// deployments must start while the busy one's first is still running; with deployments shorter
// than the time from their admission to their deployment PUT, both sequences ran at the same
// period exactly out of phase and never overlapped (seen in CI).
const ARM_LATENCY_MS = 40;
const DEPLOYMENT_POLLS_IN_PROGRESS = 20;
const BUSY_SUBSCRIPTION_SERVICES = 6;
const OTHER_SUBSCRIPTION_SERVICES = 3;

describe('operation order: one at a time per subscription, in arrival order; subscriptions in parallel', () => {
  let system: LocalSystem;
  let client: ArmClient;
  let db: GlobalDbRecords;
  const busy = randomUUID();
  const others = [randomUUID(), randomUUID()];
  const accepted = new Map<string, AcceptedCreate[]>();

  /** The subscription's operations with their deployments, in the order the gateway enqueued them. */
  async function ranInEnqueueOrder(subscriptionId: string): Promise<RanOperation[]> {
    const operations = await db.operationsOf(subscriptionId);
    operations.sort((a, b) => a.timeEnqueued.localeCompare(b.timeEnqueued));
    return operations.map((operation) => ({ operation, deployment: onlyDeployment(system.stack.arm, fhirDeploymentName(operation.id)) }));
  }

  /** The subscription's operations with their deployments, in the order their deployments started. */
  async function ranInStartOrder(subscriptionId: string): Promise<RanOperation[]> {
    return (await ranInEnqueueOrder(subscriptionId)).sort((a, b) => a.deployment.startMs - b.deployment.startMs);
  }

  /** Each operation's deployment starts only once the operation before it has ended (and its deployment too). */
  function expectOneAfterAnother(ran: readonly RanOperation[]): void {
    for (let i = 1; i < ran.length; i++) {
      const previous = ran[i - 1];
      const current = ran[i];
      expect(current.deployment.startMs).toBeGreaterThanOrEqual(Date.parse(previous.operation.timeEnded ?? ''));
      expect(current.deployment.startMs).toBeGreaterThanOrEqual(previous.deployment.endMs);
      expect(Date.parse(current.operation.timeEnded ?? '')).toBeGreaterThan(Date.parse(previous.operation.timeEnded ?? ''));
    }
  }

  beforeAll(async () => {
    system = await startLocalSystem();
    client = new ArmClient({ baseUrl: system.gatewayUrl });
    db = new GlobalDbRecords(system.env);
    system.stack.arm.setFaults({ latencyMs: ARM_LATENCY_MS, lroReadsBeforeDone: DEPLOYMENT_POLLS_IN_PROGRESS });
    const names = (s: number, count: number) => Array.from({ length: count }, (_, i) => `fhir-order-${s}-${i}-${randomUUID().slice(0, 6)}`);
    // The busy subscription's creates go back to back, each sent as soon as the previous one is
    // accepted (so their arrival order is defined). Once its first deployment is in flight, each
    // other subscription sends all of its creates at the same instant: if subscriptions run in
    // parallel, theirs overlap the busy subscription's queue.
    const busyCreates: AcceptedCreate[] = [];
    accepted.set(busy, busyCreates);
    const sendBackToBack = async () => {
      for (const name of names(0, BUSY_SUBSCRIPTION_SERVICES)) busyCreates.push(await createFhirService(client, busy, name));
    };
    const sendAtOnce = async (subscriptionId: string, s: number) => {
      await waitUntil("the busy subscription's first deployment", () =>
        busyCreates.length > 0 && deploymentPuts(system.stack.arm, fhirDeploymentName(busyCreates[0].operationId)).length > 0 ? true : undefined,
      );
      accepted.set(subscriptionId, await Promise.all(names(s, OTHER_SUBSCRIPTION_SERVICES).map((name) => createFhirService(client, subscriptionId, name))));
    };
    await Promise.all([sendBackToBack(), ...others.map((subscriptionId, s) => sendAtOnce(subscriptionId, s + 1))]);
    await Promise.all([...accepted.values()].flat().map((created) => terminalStatusOf(client, created)));
  });
  afterAll(async () => {
    db?.dispose();
    await system?.stop();
  });

  it('carries every operation to Succeeded, each with one deployment PUT and one attempt', async () => {
    for (const created of [...accepted.values()].flat()) {
      expect((await terminalStatusOf(client, created)).status).toBe('Succeeded');
      expect(deploymentPuts(system.stack.arm, fhirDeploymentName(created.operationId))).toHaveLength(1);
      expect(await db.operation(created.subscriptionId, created.operationId)).toMatchObject({ provisioningStatus: StoredStatus.Completed, attemptCount: 1 });
    }
  });

  it('queues the busy subscription\'s creates together: the last was enqueued before the first ended', async () => {
    const ran = await ranInEnqueueOrder(busy);
    expect(ran).toHaveLength(BUSY_SUBSCRIPTION_SERVICES);
    expect(Date.parse(ran[BUSY_SUBSCRIPTION_SERVICES - 1].operation.timeEnqueued)).toBeLessThan(Date.parse(ran[0].operation.timeEnded ?? ''));
  });

  it('runs the busy subscription\'s operations one after another, in the order the gateway accepted them', async () => {
    const ran = await ranInEnqueueOrder(busy);
    expect(ran.map((r) => r.operation.id)).toEqual(accepted.get(busy)?.map((c) => c.operationId));
    expectOneAfterAnother(ran);
    // The fake ARM saw their deployment PUTs in that same order.
    const putSequence = ran.map((r) => deploymentPuts(system.stack.arm, r.deployment.name)[0].seq);
    expect(putSequence).toEqual([...putSequence].sort((a, b) => a - b));
  });

  it.each([0, 1])('runs the creates another subscription sent at once one after another (subscription %i)', async (index) => {
    const ran = await ranInStartOrder(others[index]);
    expect(ran).toHaveLength(OTHER_SUBSCRIPTION_SERVICES);
    expectOneAfterAnother(ran);
  });

  it('runs other subscriptions at the same time as the busy one', async () => {
    const busyDeployments = (await ranInEnqueueOrder(busy)).map((r) => r.deployment);
    const otherDeployments = (await Promise.all(others.map(ranInEnqueueOrder))).flat().map((r) => r.deployment);
    const overlapping = otherDeployments.filter((other) => busyDeployments.some((mine) => overlaps(mine, other)));
    expect(overlapping.length).toBeGreaterThan(0);
  });
});
