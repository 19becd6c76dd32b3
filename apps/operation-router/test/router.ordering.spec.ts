import { newConnectionOperation, OperationStatus, OperationType, type IomtConnector, type OperationDocument } from '@iomt/domain';
import { useRouterWorld } from './support/router.fixture';
import { ended, newConnector, publish } from './support/seed';
import type { WorkRecord } from './support/test-worker';

jest.setTimeout(60_000);

const world = useRouterWorld();
const PER_SUBSCRIPTION = 5;

/** `count` CreateConnection operations on `connector`, stored in enqueue order. */
async function connectionOperations(connector: IomtConnector, count: number): Promise<OperationDocument[]> {
  const operations: OperationDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const operation = newConnectionOperation(connector, OperationType.CreateConnection, `writer${i}`, { now: new Date() });
    await world.seedOperation(operation);
    operations.push(operation);
  }
  return operations;
}

/** The worker's records of one subscription, in the order they started. */
function runsOf(subscriptionId: string): WorkRecord[] {
  return world.worker.records.filter((r) => r.subscriptionId === subscriptionId).sort((a, b) => a.start - b.start);
}

describe('operation-router ordering', () => {
  beforeAll(async () => {
    await world.startRouter();
  });

  it('runs one subscription strictly in arrival order, one at a time, while subscriptions run in parallel', async () => {
    const [a, b] = [await newConnector(world), await newConnector(world)];
    const opsA = await connectionOperations(a, PER_SUBSCRIPTION);
    const opsB = await connectionOperations(b, PER_SUBSCRIPTION);
    // Each subscription's first command waits until the other subscription's work has started:
    // with one subscription at a time this would never finish (the reply timeout would fail it).
    world.worker.plan(opsA[0].id, { gate: world.worker.started((r) => r.subscriptionId === b.subscriptionId) });
    world.worker.plan(opsB[0].id, { gate: world.worker.started((r) => r.subscriptionId === a.subscriptionId) });
    for (let i = 0; i < PER_SUBSCRIPTION; i += 1) {
      await publish(world, opsA[i]);
      await publish(world, opsB[i]);
    }

    const done = await Promise.all([...opsA, ...opsB].map((operation) => ended(world, operation)));
    expect(done.map((op) => [op.provisioningStatus, op.attemptCount])).toEqual(done.map(() => [OperationStatus.Completed, 1]));

    const endedAt = new Map(done.map((op) => [op.id, Date.parse(op.timeEnded ?? '')]));
    for (const [subscription, operations] of [[a, opsA], [b, opsB]] as const) {
      const runs = runsOf(subscription.subscriptionId);
      expect(runs.map((r) => r.operationId)).toEqual(operations.map((op) => op.id));
      // The router sends a subscription's next command only after it wrote the previous operation's
      // end (the worker alone, one command per session, would not prove that).
      runs.slice(1).forEach((run, i) => expect(run.start).toBeGreaterThanOrEqual(endedAt.get(runs[i].operationId) ?? Infinity));
    }
    const [firstA, firstB] = [runsOf(a.subscriptionId)[0], runsOf(b.subscriptionId)[0]];
    // Both first runs overlapped: each started before the other ended.
    expect(firstA.start).toBeLessThanOrEqual(firstB.end ?? 0);
    expect(firstB.start).toBeLessThanOrEqual(firstA.end ?? 0);
  });
});
