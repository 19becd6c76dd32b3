import { newConnectionOperation, OperationStatus, OperationType, type IomtConnector, type OperationDocument } from '@iomt/domain';
import { useRouterWorld } from './support/router.fixture';
import { ended, newConnector, publish } from './support/seed';

jest.setTimeout(60_000);

const world = useRouterWorld();

/** `names.length` CreateConnection operations on `connector`, stored (not published) in that enqueue order, 1 s apart. */
async function enqueued(connector: IomtConnector, names: string[]): Promise<OperationDocument[]> {
  const first = Date.now() - 10_000;
  const operations = names.map((name, i) =>
    newConnectionOperation(connector, OperationType.CreateConnection, name, { now: new Date(first + i * 1_000) }),
  );
  for (const operation of operations) await world.seedOperation(operation);
  return operations;
}

/** The ids the worker ran for one subscription, in the order they started, with their attempts. */
function runsOf(subscriptionId: string): [string, number][] {
  return world.worker.records
    .filter((r) => r.subscriptionId === subscriptionId)
    .sort((a, b) => a.start - b.start)
    .map((r) => [r.operationId, r.attempt]);
}

describe('operation-router enqueue order', () => {
  beforeAll(async () => {
    await world.startRouter();
  });

  it('runs an earlier operation that has no message yet before the later one whose message arrives', async () => {
    const connector = await newConnector(world);
    const [a, b] = await enqueued(connector, ['writer0', 'writer1']);
    await publish(world, b);

    const [doneA, doneB] = [await ended(world, a), await ended(world, b)];
    expect([doneA.provisioningStatus, doneB.provisioningStatus]).toEqual([OperationStatus.Completed, OperationStatus.Completed]);
    expect(runsOf(connector.subscriptionId)).toEqual([[a.id, 1], [b.id, 1]]);
    // B's command went out only after A's end was written.
    const startOfB = world.worker.recordsOf(b.id)[0].start;
    expect(startOfB).toBeGreaterThanOrEqual(Date.parse(doneA.timeEnded ?? ''));
  });

  it("runs the earlier operation first when its message is published after the later one's, and its late message does nothing", async () => {
    const connector = await newConnector(world);
    const [a, b, c] = await enqueued(connector, ['writer0', 'writer1', 'writer2']);
    await publish(world, b);
    await publish(world, a);
    // C's message follows A's late one in the session: once C ended, A's message was handled.
    await publish(world, c);

    const done = [await ended(world, a), await ended(world, b), await ended(world, c)];
    expect(done.map((op) => [op.provisioningStatus, op.attemptCount])).toEqual(done.map(() => [OperationStatus.Completed, 1]));
    expect(runsOf(connector.subscriptionId)).toEqual([[a.id, 1], [b.id, 1], [c.id, 1]]);
    expect(await world.read(a)).toMatchObject({ provisioningStatus: OperationStatus.Completed, attemptCount: 1, _etag: done[0]._etag });
  });
});
