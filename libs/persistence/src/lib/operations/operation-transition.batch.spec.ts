import {
  completedOperationId,
  completeOperation,
  ConcurrencyConflictError,
  ConflictError,
  failOperation,
  newIomtConnectorOperation,
  OperationStatus,
  OperationType,
  ResourceState,
  startOperationAttempt,
  succeedOperation,
  ValidationError,
  type IomtConnector,
  type OperationDocument,
} from '@iomt/domain';
import { startTestGlobalDb, TestGlobalDb } from '../../../test/global-db.harness';
import { aConnector, anAccount, newSubscriptionId } from '../../../test/registry.fixtures';
import { CosmosOperationRepository } from './cosmos-operation.repository';

describe('CosmosOperationRepository.writeTransition (local Cosmos server)', () => {
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

  /** A connector accepted with its Provision operation, as the gateway does it. */
  async function accepted(): Promise<{ connector: IomtConnector; operation: OperationDocument }> {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const written = await operations.createWithResource(connector, newIomtConnectorOperation(connector, OperationType.Provision, { now: t0 }));
    return { connector: written.resource as IomtConnector, operation: written.operation };
  }

  const raw = async (id: string, subscriptionId: string) => (await db.accountRegistry.item(id, subscriptionId).read()).resource;

  it('starts an attempt: the operation Running and its resource Provisioning in one batch, with new ETags', async () => {
    const { connector, operation } = await accepted();
    const running = startOperationAttempt(operation, minutes(1));
    const provisioning = { ...connector, state: ResourceState.Provisioning };
    const written = await operations.writeTransition({
      operation: running,
      ifMatch: operation._etag!,
      resource: { entity: provisioning, ifMatch: connector._etag! },
    });
    expect(written.operation).toMatchObject({ provisioningStatus: OperationStatus.Running, attemptCount: 1 });
    expect(written.operation._etag).not.toBe(operation._etag);
    expect(written.resource).toMatchObject({ id: connector.id, state: ResourceState.Provisioning });
    expect(written.resource!._etag).not.toBe(connector._etag);
    expect(await operations.get(operation.subscriptionId, operation.id)).toEqual(written.operation);
    expect(await raw(connector.id, connector.subscriptionId)).toMatchObject({ state: ResourceState.Provisioning, _etag: written.resource!._etag });
  });

  it('finishes: terminal operation, resource state and archive record together', async () => {
    const { connector, operation } = await accepted();
    const ended = succeedOperation(startOperationAttempt(operation, minutes(1)), minutes(2));
    const written = await operations.writeTransition({
      operation: ended,
      ifMatch: operation._etag!,
      resource: { entity: { ...connector, state: ResourceState.Provisioned }, ifMatch: connector._etag! },
      completed: completeOperation(ended),
    });
    expect(written.operation.provisioningStatus).toBe(OperationStatus.Completed);
    expect(await raw(connector.id, connector.subscriptionId)).toMatchObject({ state: ResourceState.Provisioned });
    expect(await raw(completedOperationId(operation.id), operation.subscriptionId)).toMatchObject({
      type: 'completedprovisioningrequest',
      operation: { id: operation.id, provisioningStatus: OperationStatus.Completed },
    });
  });

  it.each([
    ['the operation', { operation: '"stale"', resource: undefined }],
    ['the resource', { operation: undefined, resource: '"stale"' }],
  ])('writes nothing when the ETag of %s is stale (ConcurrencyConflictError)', async (_which, stale) => {
    const { connector, operation } = await accepted();
    const ended = failOperation(startOperationAttempt(operation, minutes(1)), new Error('boom'), minutes(2));
    const write = operations.writeTransition({
      operation: ended,
      ifMatch: stale.operation ?? operation._etag!,
      resource: { entity: { ...connector, state: ResourceState.Failed }, ifMatch: stale.resource ?? connector._etag! },
      completed: completeOperation(ended),
    });
    await expect(write).rejects.toThrow(ConcurrencyConflictError);
    expect(await operations.get(operation.subscriptionId, operation.id)).toEqual(operation);
    expect(await raw(connector.id, connector.subscriptionId)).toMatchObject({ state: connector.state, _etag: connector._etag });
    expect(await raw(completedOperationId(operation.id), operation.subscriptionId)).toBeUndefined();
  });

  it('writes nothing when the archive record exists already (ConflictError)', async () => {
    const { connector, operation } = await accepted();
    const ended = succeedOperation(startOperationAttempt(operation, minutes(1)), minutes(2));
    await operations.writeCompleted(completeOperation(ended));
    const write = operations.writeTransition({
      operation: ended,
      ifMatch: operation._etag!,
      resource: { entity: { ...connector, state: ResourceState.Provisioned }, ifMatch: connector._etag! },
      completed: completeOperation(ended),
    });
    await expect(write).rejects.toThrow(ConflictError);
    expect(await operations.get(operation.subscriptionId, operation.id)).toEqual(operation);
    expect(await raw(connector.id, connector.subscriptionId)).toMatchObject({ _etag: connector._etag });
  });

  it('writes the operation alone with a conditional replace; a stale ETag is ConcurrencyConflictError', async () => {
    const { operation } = await accepted();
    const running = startOperationAttempt(operation, minutes(1));
    const written = await operations.writeTransition({ operation: running, ifMatch: operation._etag! });
    expect(written).toEqual({ operation: await operations.get(operation.subscriptionId, operation.id) });
    await expect(operations.writeTransition({ operation: running, ifMatch: operation._etag! })).rejects.toThrow(ConcurrencyConflictError);
  });

  it('refuses a resource or archive record of another subscription, and an empty ETag, writing nothing', async () => {
    const { connector, operation } = await accepted();
    const stranger = aConnector(anAccount(newSubscriptionId()));
    const running = startOperationAttempt(operation, minutes(1));
    await expect(
      operations.writeTransition({ operation: running, ifMatch: operation._etag!, resource: { entity: stranger, ifMatch: '"1"' } }),
    ).rejects.toThrow(ValidationError);
    const foreign = completeOperation({ ...succeedOperation(running, minutes(2)), subscriptionId: stranger.subscriptionId });
    await expect(operations.writeTransition({ operation: running, ifMatch: operation._etag!, completed: foreign })).rejects.toThrow(
      ValidationError,
    );
    await expect(operations.writeTransition({ operation: running, ifMatch: '' })).rejects.toThrow(ValidationError);
    expect(await operations.get(operation.subscriptionId, operation.id)).toEqual(operation);
    expect(await raw(connector.id, connector.subscriptionId)).toMatchObject({ _etag: connector._etag });
  });
});
