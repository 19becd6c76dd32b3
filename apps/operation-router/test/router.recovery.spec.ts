import { OperationStatus } from '@iomt/domain';
import { useRouterWorld } from './support/router.fixture';
import { archived, ended, newConnectorProvision, publish } from './support/seed';

jest.setTimeout(60_000);

const world = useRouterWorld();

describe('operation-router recovery', () => {
  it('the sweeper publishes an operation left Requested past the grace period, which then runs', async () => {
    const router = await world.startRouter({ ROUTER_SWEEP_INTERVAL_MS: '200', ROUTER_SWEEP_GRACE_MS: '30000' });
    // Written a minute ago by a gateway whose publish failed: never published.
    const operation = await newConnectorProvision(world, new Date(Date.now() - 60_000));
    const done = await ended(world, operation);
    expect(done).toMatchObject({ provisioningStatus: OperationStatus.Completed, attemptCount: 1 });
    expect(world.worker.recordsOf(operation.id)).toHaveLength(1);
    await world.stopRouter(router);
  });

  it('a router stopped mid-operation leaves it Running; another replica resumes it and ends it once', async () => {
    const first = await world.startRouter();
    const operation = await newConnectorProvision(world);
    let release = (): void => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    world.worker.plan(operation.id, { gate: slow });
    await publish(world, operation);
    await world.worker.started((r) => r.operationId === operation.id);

    await world.stopRouter(first);
    expect(await world.read(operation)).toMatchObject({ provisioningStatus: OperationStatus.Running, attemptCount: 1 });
    // The slow first attempt finishes late: its reply finds no router waiting for it.
    release();

    const second = await world.startRouter();
    const done = await ended(world, operation);
    expect(done).toMatchObject({ provisioningStatus: OperationStatus.Completed, attemptCount: 2 });
    expect(world.worker.recordsOf(operation.id).map((r) => r.attempt)).toEqual([1, 2]);
    const completed = await archived(world, operation);
    expect(completed?.operation).toMatchObject({ provisioningStatus: OperationStatus.Completed, timeEnded: done.timeEnded, attemptCount: 2 });
    await world.stopRouter(second);
  });

  it('keeps the operations session locked while a worker takes longer than the lock duration (5 s)', async () => {
    const router = await world.startRouter();
    const operation = await newConnectorProvision(world);
    // The worker's simulated work outlasts the queue's LockDuration; a lost lock would redeliver
    // the message and show up as a second attempt.
    world.worker.plan(operation.id, { gate: new Promise<void>((resolve) => setTimeout(resolve, 6_500)) });
    await publish(world, operation);
    const done = await ended(world, operation);
    expect(done).toMatchObject({ provisioningStatus: OperationStatus.Completed, attemptCount: 1 });
    expect(world.worker.recordsOf(operation.id).map((r) => r.attempt)).toEqual([1]);
    await world.stopRouter(router);
  });
});
