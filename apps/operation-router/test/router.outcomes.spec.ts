import { Subject } from '@iomt/contracts';
import { DocumentType, OperationStatus, ResourceState, type OperationDocument } from '@iomt/domain';
import { useRouterWorld } from './support/router.fixture';
import * as seed from './support/seed';

jest.setTimeout(60_000);

const world = useRouterWorld();

const newConnectorProvision = () => seed.newConnectorProvision(world);
const publish = (operation: OperationDocument) => seed.publish(world, operation);
const ended = (operation: OperationDocument) => seed.ended(world, operation);
const archived = (operation: OperationDocument) => seed.archived(world, operation);

describe('operation-router on the real Service Bus emulator and Cosmos server', () => {
  beforeAll(async () => {
    await world.startRouter();
  });

  it('runs an operation to Completed: document, connector state and CompletedOperationDocument', async () => {
    const operation = await newConnectorProvision();
    await publish(operation);
    const done = await ended(operation);
    expect(done).toMatchObject({ provisioningStatus: OperationStatus.Completed, attemptCount: 1, percentComplete: 100 });
    expect(done?.timeEnded).toEqual(expect.any(String));
    expect(world.worker.recordsOf(operation.id).map((r) => [r.subject, r.attempt])).toEqual([[Subject.ProvisionIomtConnector, 1]]);
    const completed = await archived(operation);
    expect(completed).toMatchObject({ type: DocumentType.CompletedOperation, operation: { id: operation.id, provisioningStatus: OperationStatus.Completed } });
    const connector = await world.registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, DocumentType.IomtConnector);
    expect(connector?.state).toBe(ResourceState.Provisioned);
  });

  it('retries retryable failures with backoff, then fails with exceptionDetails', async () => {
    const operation = await newConnectorProvision();
    world.worker.plan(operation.id, 'retryable', 'retryable', 'retryable');
    await publish(operation);
    const done = await ended(operation);
    expect(done).toMatchObject({
      provisioningStatus: OperationStatus.Failed,
      attemptCount: 3,
      exceptionDetails: 'ServiceUnavailable: The fake ARM is busy.',
    });
    expect(world.worker.recordsOf(operation.id).map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(await archived(operation)).toMatchObject({ operation: { provisioningStatus: OperationStatus.Failed } });
  });

  it('completes after a retryable failure when a later attempt succeeds', async () => {
    const operation = await newConnectorProvision();
    world.worker.plan(operation.id, 'retryable', 'ok');
    await publish(operation);
    expect(await ended(operation)).toMatchObject({ provisioningStatus: OperationStatus.Completed, attemptCount: 2 });
  });

  it('fails at once on a permanent failure', async () => {
    const operation = await newConnectorProvision();
    world.worker.plan(operation.id, 'permanent');
    await publish(operation);
    expect(await ended(operation)).toMatchObject({
      provisioningStatus: OperationStatus.Failed,
      attemptCount: 1,
      exceptionDetails: 'InvalidTemplate: The template is invalid.',
    });
    await archived(operation);
    const connector = await world.registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, DocumentType.IomtConnector);
    expect(connector?.state).toBe(ResourceState.Failed);
  });

  it('dead-letters a poison message and marks its operation Failed', async () => {
    const operation = await newConnectorProvision();
    const sender = world.sdk.createSender('operations');
    // The body names the operation but not its subscription: unreadable as a whole, id readable.
    await sender.sendMessages({ body: { operationId: operation.id }, subject: Subject.OperationRequested, sessionId: operation.subscriptionId, applicationProperties: { contractVersion: '1.0' } });
    await sender.close();
    const done = await ended(operation);
    expect(done).toMatchObject({ provisioningStatus: OperationStatus.Failed, exceptionDetails: expect.stringMatching(/^InvalidMessage: .*subscriptionId/) });
    const receiver = world.sdk.createReceiver('operations', { subQueueType: 'deadLetter' });
    const [dead] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 10_000 });
    await receiver.completeMessage(dead);
    await receiver.close();
    expect(dead).toMatchObject({ deadLetterReason: 'InvalidMessage', body: { operationId: operation.id } });
    expect(world.worker.recordsOf(operation.id)).toEqual([]);
  });
});
