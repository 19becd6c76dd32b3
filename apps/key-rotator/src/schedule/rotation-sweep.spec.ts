import { FixedClock, isPendingRotationOf, OperationStatus, OperationType, ResourceState, TransientError } from '@iomt/domain';
import { InMemoryStore } from '../testing/in-memory-store';
import { NOW, sampleConnector, sampleRotation, sampleSecret, SUBSCRIPTION_ID } from '../testing/samples';
import { RotationEnqueuer } from './rotation-enqueuer';
import { RotationSweep } from './rotation-sweep';

const DAY = 24 * 3600_000;
const OTHER_SUBSCRIPTION = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function setup(settings: Partial<{ pageSize: number; maxPerSweep: number }> = {}) {
  const store = new InMemoryStore();
  const clock = new FixedClock(NOW);
  const enqueuer = new RotationEnqueuer({ registry: store.registry(), operations: store, publisher: store, clock });
  const sweep = new RotationSweep(store, enqueuer, clock, { rotationPeriodMs: 30 * DAY, pageSize: 100, maxPerSweep: 100, ...settings });
  /** A provisioned connector whose secret was last rotated `ageDays` ago. */
  const connectorAged = (ageDays: number, name: string, changes = {}, subscriptionId = SUBSCRIPTION_ID) => {
    const connector = store.put(sampleConnector(`${name.toLowerCase()}0000000000000000`, subscriptionId, name));
    store.put(sampleSecret(connector, new Date(NOW.getTime() - ageDays * DAY), changes));
    return connector;
  };
  const rotationsOf = (connectorId: string) =>
    [...store.documents.values()].filter((d) => d.type === 'provisioningrequest' && isPendingRotationOf(d, connectorId));
  return { store, clock, sweep, connectorAged, rotationsOf };
}

describe('RotationSweep', () => {
  it('enqueues a rotation for a secret older than the period and one flagged to force, not for a young one', async () => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    const old = connectorAged(31, 'Old');
    const forced = connectorAged(1, 'Forced', { forceRotation: true });
    const young = connectorAged(29, 'Young');

    const summary = await sweep.run();

    expect(summary).toEqual({ enqueued: 2, pending: 0, skipped: 0, failed: 0 });
    expect(rotationsOf(old.id)).toHaveLength(1);
    expect(rotationsOf(forced.id)).toHaveLength(1);
    expect(rotationsOf(young.id)).toHaveLength(0);
    const [operation] = rotationsOf(old.id);
    expect(operation).toMatchObject({
      provisioningOperation: OperationType.RotateKeys,
      provisioningStatus: OperationStatus.Requested,
      resourceTypeName: 'IoMTConnectors',
      subscriptionId: SUBSCRIPTION_ID,
      timeEnqueued: NOW.toISOString(),
    });
    expect(store.published).toContainEqual({ operationId: operation?.id, subscriptionId: SUBSCRIPTION_ID });
  });

  it('publishes each operation in its own subscription session', async () => {
    const { store, sweep, connectorAged } = setup();
    connectorAged(40, 'Mine');
    connectorAged(40, 'Theirs', {}, OTHER_SUBSCRIPTION);

    await sweep.run();

    expect(store.published.map((m) => m.subscriptionId).sort()).toEqual([SUBSCRIPTION_ID, OTHER_SUBSCRIPTION].sort());
    for (const message of store.published) expect((await store.get(message.subscriptionId, message.operationId))?.subscriptionId).toBe(message.subscriptionId);
  });

  it('creates no second operation while a rotation of the connector is Requested or Running', async () => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    const connector = connectorAged(40, 'Busy');
    store.put({ ...sampleRotation(connector, new Date(NOW.getTime() - DAY)), provisioningStatus: OperationStatus.Running, attemptCount: 1 });

    expect(await sweep.run()).toEqual({ enqueued: 0, pending: 1, skipped: 0, failed: 0 });
    expect(rotationsOf(connector.id)).toHaveLength(1);
    expect(store.published).toEqual([]);
  });

  it('enqueues once across two ticks (the first operation is still pending at the second)', async () => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    const connector = connectorAged(40, 'Twice');

    await sweep.run();
    await sweep.run();

    expect(rotationsOf(connector.id)).toHaveLength(1);
    expect(store.published).toHaveLength(1);
  });

  it('enqueues again once the previous rotation failed', async () => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    const connector = connectorAged(40, 'Retry');
    store.put({ ...sampleRotation(connector), provisioningStatus: OperationStatus.Failed, attemptCount: 3, timeEnded: NOW.toISOString() });

    await sweep.run();

    expect(rotationsOf(connector.id)).toHaveLength(1);
  });

  it.each([
    ['a connector being deprovisioned', ResourceState.Deprovisioning],
    ['a connector still provisioning', ResourceState.Provisioning],
    ['a failed connector', ResourceState.Failed],
  ])('skips %s', async (_case, state) => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    const connector = connectorAged(40, 'Gone');
    store.put({ ...connector, state });

    expect(await sweep.run()).toEqual({ enqueued: 0, pending: 0, skipped: 1, failed: 0 });
    expect(rotationsOf(connector.id)).toHaveLength(0);
  });

  it('skips a connector that changed between the read and the write (another scheduler won)', async () => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    const connector = connectorAged(40, 'Raced');
    const create = store.createWithResource.bind(store);
    store.createWithResource = async (resource, operation, options) => {
      store.put(connector);
      return create(resource, operation, options);
    };

    expect(await sweep.run()).toMatchObject({ enqueued: 0, skipped: 1 });
    expect(rotationsOf(connector.id)).toHaveLength(0);
  });

  it('keeps the stored operation when publishing fails (the outbox sweeper publishes it)', async () => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    const connector = connectorAged(40, 'Unpublished');
    store.publish = () => Promise.reject(new TransientError('Service Bus is unavailable'));

    expect(await sweep.run()).toMatchObject({ enqueued: 1 });
    expect(rotationsOf(connector.id)).toHaveLength(1);
  });

  it('counts a failure on one secret and goes on with the others', async () => {
    const { store, sweep, connectorAged, rotationsOf } = setup();
    connectorAged(50, 'Broken');
    const fine = connectorAged(40, 'Fine');
    const list = store.listNonTerminal.bind(store);
    let calls = 0;
    // The oldest secret is handled first: its check fails, the next one's works.
    store.listNonTerminal = (subscriptionId: string) =>
      ++calls === 1 ? Promise.reject(new TransientError('Cosmos is unavailable')) : list(subscriptionId);

    expect(await sweep.run()).toEqual({ enqueued: 1, pending: 0, skipped: 0, failed: 1 });
    expect(rotationsOf(fine.id)).toHaveLength(1);
  });

  it('handles at most maxPerSweep secrets per tick, oldest first, reading them in pages', async () => {
    const { sweep, connectorAged, rotationsOf } = setup({ pageSize: 2, maxPerSweep: 3 });
    const connectors = [35, 60, 45, 50, 40].map((age, i) => connectorAged(age, `Batch${i}`));

    expect(await sweep.run()).toMatchObject({ enqueued: 3 });
    expect(connectors.map((c) => rotationsOf(c.id).length)).toEqual([0, 1, 1, 1, 0]);
  });
});
