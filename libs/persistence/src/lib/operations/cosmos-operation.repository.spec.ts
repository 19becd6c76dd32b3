import {
  completeOperation,
  ConcurrencyConflictError,
  ConflictError,
  IomtConnector,
  newIomtConnectorOperation,
  OperationDocument,
  OperationStatus,
  OperationType,
  ResourceNotFoundError,
  ResourceState,
  startOperationAttempt,
  succeedOperation,
  ValidationError,
} from '@iomt/domain';
import { startTestGlobalDb, TestGlobalDb } from '../../../test/global-db.harness';
import { aConnector, anAccount, newSubscriptionId } from '../../../test/registry.fixtures';
import { CosmosOperationRepository } from './cosmos-operation.repository';

describe('CosmosOperationRepository (local Cosmos server)', () => {
  let db: TestGlobalDb;
  let operations: CosmosOperationRepository;
  const t0 = new Date('2026-01-01T00:00:00.000Z');
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

  beforeAll(async () => {
    db = await startTestGlobalDb();
    operations = new CosmosOperationRepository(db.accountRegistry);
  });

  afterAll(async () => {
    await db.stop();
  });

  const provision = (connector: IomtConnector, now = t0): OperationDocument =>
    newIomtConnectorOperation(connector, OperationType.Provision, { now });

  /** A connector accepted with its Provision operation, as the gateway does it. */
  async function accept(subscriptionId = newSubscriptionId(), now = t0) {
    const connector = aConnector(anAccount(subscriptionId), `c${now.getTime()}`);
    return operations.createWithResource(connector, provision(connector, now));
  }

  it('writes the resource and its operation in one batch and reads the operation back', async () => {
    const { resource, operation } = await accept();
    expect(resource._etag).toEqual(expect.any(String));
    expect(operation).toMatchObject({ provisioningStatus: OperationStatus.Requested, _etag: expect.any(String) });
    const read = await operations.get(operation.subscriptionId, operation.id);
    expect(read).toEqual(operation);
    expect(await operations.get(operation.subscriptionId, resource.id)).toBeUndefined();
    expect(await operations.get(newSubscriptionId(), operation.id)).toBeUndefined();
  });

  it('writes neither when the resource already exists (create) or its ETag is stale (replace)', async () => {
    const { resource } = await accept();
    const again = provision(resource as IomtConnector);
    await expect(operations.createWithResource(resource, again)).rejects.toThrow(ConflictError);
    expect(await operations.get(again.subscriptionId, again.id)).toBeUndefined();
    const update = { ...(resource as IomtConnector), state: ResourceState.Updating };
    const patch = newIomtConnectorOperation(update, OperationType.Patch, { now: t0 });
    await expect(operations.createWithResource(update, patch, { resourceIfMatch: '"stale"' })).rejects.toThrow(
      ConcurrencyConflictError,
    );
    expect(await operations.get(patch.subscriptionId, patch.id)).toBeUndefined();
    const accepted = await operations.createWithResource(update, patch, { resourceIfMatch: resource._etag });
    expect((accepted.resource as IomtConnector).state).toBe(ResourceState.Updating);
  });

  it('upserts documents alongside in the same batch, and none of them when the batch fails', async () => {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const note = { id: `note-${connector.id}`, type: 'note', partitionKey: connector.subscriptionId, text: 'first' };
    await operations.createWithResource(connector, provision(connector), { alongside: [{ document: note }] });
    const { resource: stored } = await db.accountRegistry.item(note.id, connector.subscriptionId).read();
    expect(stored).toMatchObject({ text: 'first' });

    const again = provision(connector);
    await expect(operations.createWithResource(connector, again, { alongside: [{ document: { ...note, text: 'second' } }] })).rejects.toThrow(ConflictError);
    const { resource: unchanged } = await db.accountRegistry.item(note.id, connector.subscriptionId).read();
    expect(unchanged).toMatchObject({ text: 'first' });
    expect(await operations.get(again.subscriptionId, again.id)).toBeUndefined();
  });

  it('creates a document alongside only when absent (409) and replaces one only at the version read (412)', async () => {
    const subscriptionId = newSubscriptionId();
    const claim = { id: 'claim-1', type: 'claim', partitionKey: subscriptionId, n: 1 };
    const first = aConnector(anAccount(subscriptionId), 'c1');
    await operations.createWithResource(first, provision(first), { alongside: [{ document: claim, createOnly: true }] });
    const second = aConnector(anAccount(subscriptionId), 'c2');
    await expect(operations.createWithResource(second, provision(second), { alongside: [{ document: claim, createOnly: true }] })).rejects.toThrow(ConflictError);

    const { resource: stored } = await db.accountRegistry.item(claim.id, subscriptionId).read();
    await expect(
      operations.createWithResource(second, provision(second), { alongside: [{ document: { ...claim, n: 2 }, ifMatch: '"stale"' }] }),
    ).rejects.toThrow(ConcurrencyConflictError);
    await operations.createWithResource(second, provision(second), { alongside: [{ document: { ...claim, n: 3 }, ifMatch: stored._etag }] });
    const { resource: replaced } = await db.accountRegistry.item(claim.id, subscriptionId).read();
    expect(replaced).toMatchObject({ n: 3 });
  });

  it('refuses a document alongside that belongs to another subscription, writing nothing', async () => {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const operation = provision(connector);
    const foreign = { id: 'foreign-note', type: 'note', partitionKey: newSubscriptionId() };
    await expect(operations.createWithResource(connector, operation, { alongside: [{ document: foreign }] })).rejects.toThrow(ValidationError);
    expect(await operations.get(operation.subscriptionId, operation.id)).toBeUndefined();
  });

  it('refuses an operation in another subscription than its resource', async () => {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const foreign = provision(aConnector(anAccount(newSubscriptionId())));
    await expect(operations.createWithResource(connector, foreign)).rejects.toThrow(ValidationError);
  });

  it('updates with If-Match; of two racing updaters one wins and the other gets ConcurrencyConflictError', async () => {
    const { operation } = await accept();
    const running = await operations.update(startOperationAttempt(operation, minutes(1)), { ifMatch: operation._etag! });
    expect(running).toMatchObject({ provisioningStatus: OperationStatus.Running, attemptCount: 1 });
    const results = await Promise.allSettled([
      operations.update(succeedOperation(running, minutes(2)), { ifMatch: running._etag! }),
      operations.update(startOperationAttempt(running, minutes(2)), { ifMatch: running._etag! }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(ConcurrencyConflictError);
  });

  it('refuses an update without an ETag, and of an operation that does not exist', async () => {
    const { operation } = await accept();
    await expect(operations.update(operation, { ifMatch: '' })).rejects.toThrow(ValidationError);
    const ghost = provision(aConnector(anAccount(newSubscriptionId())));
    await expect(operations.update(ghost, { ifMatch: '"x"' })).rejects.toThrow(ResourceNotFoundError);
  });

  it('lists the unfinished operations of one subscription, oldest first', async () => {
    const subscriptionId = newSubscriptionId();
    const late = await accept(subscriptionId, minutes(5));
    const early = await accept(subscriptionId, minutes(1));
    const done = await accept(subscriptionId, minutes(3));
    const running = await operations.update(startOperationAttempt(done.operation, minutes(4)), { ifMatch: done.operation._etag! });
    await operations.update(succeedOperation(running, minutes(4)), { ifMatch: running._etag! });
    await accept(); // another subscription
    const page = await operations.listNonTerminal(subscriptionId);
    expect(page.items.map((o) => o.id)).toEqual([early.operation.id, late.operation.id]);
  });

  it('lists operations of every subscription still Requested before a cutoff, oldest first, in pages', async () => {
    // Older than every other operation of this file, so the cross-partition list holds only these.
    const cutoff = new Date('2001-01-01T00:00:00.000Z');
    const at = (m: number) => new Date(cutoff.getTime() - m * 60_000);
    const stale = [await accept(undefined, at(30)), await accept(undefined, at(20)), await accept(undefined, at(10))];
    await accept(undefined, new Date(cutoff.getTime() + 60_000)); // not stale yet
    const picked = await accept(undefined, at(15));
    await operations.update(startOperationAttempt(picked.operation, at(14)), { ifMatch: picked.operation._etag! });
    const first = await operations.listRequestedBefore(cutoff, { pageSize: 2 });
    expect(first.items.map((o) => o.id)).toEqual(stale.slice(0, 2).map((s) => s.operation.id));
    const second = await operations.listRequestedBefore(cutoff, { pageSize: 2, continuationToken: first.continuationToken });
    expect(second.items.map((o) => o.id)).toEqual([stale[2].operation.id]);
    expect(second.continuationToken).toBeUndefined();
  });

  it('refuses an invalid cutoff', async () => {
    await expect(operations.listRequestedBefore(new Date('nonsense'))).rejects.toThrow(ValidationError);
  });

  it('writes the completed operation once; writing it again returns the stored record', async () => {
    const { operation } = await accept();
    const running = await operations.update(startOperationAttempt(operation, minutes(1)), { ifMatch: operation._etag! });
    const completed = completeOperation(succeedOperation(running, minutes(2)), { accountName: 'fhir1' });
    const written = await operations.writeCompleted(completed);
    expect(written).toMatchObject({ id: `${operation.id}-completed`, accountName: 'fhir1', operation: { id: operation.id } });
    const again = await operations.writeCompleted(completed);
    expect(again._etag).toBe(written._etag);
    const raw = await db.accountRegistry.item(written.id, operation.subscriptionId).read();
    expect(raw.resource).toMatchObject({ type: 'completedprovisioningrequest', partitionKey: operation.subscriptionId });
  });
});
