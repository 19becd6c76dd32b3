import { ServiceBusClient, type ServiceBusReceivedMessage } from '@azure/service-bus';
import { FixedClock, newIomtConnectorOperation, OperationStatus, OperationType } from '@iomt/domain';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@iomt/local-stack';
import { ServiceBusOperationPublisher } from '@iomt/messaging';
import { join } from 'node:path';
import { RotationEnqueuer } from '../src/schedule/rotation-enqueuer';
import { RotationSweep } from '../src/schedule/rotation-sweep';
import { NOW, sampleConnector, sampleSecret, SUBSCRIPTION_ID } from '../src/testing/samples';
import { startTestGlobalDb, type TestGlobalDb } from './support/global-db';

jest.setTimeout(30_000);

const DAY = 24 * 3600_000;
const OTHER_SUBSCRIPTION = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** Receives `count` messages of one session, polling with a bounded wait per receive. */
async function receiveSession(client: ServiceBusClient, sessionId: string, count: number): Promise<ServiceBusReceivedMessage[]> {
  const receiver = await client.acceptSession('operations', sessionId);
  const messages: ServiceBusReceivedMessage[] = [];
  for (let round = 0; round < 10 && messages.length < count; round++) {
    messages.push(...(await receiver.receiveMessages(count - messages.length, { maxWaitTimeInMs: 2_000 })));
  }
  for (const message of messages) await receiver.completeMessage(message);
  await receiver.close();
  return messages;
}

describe('the rotation schedule, on the Cosmos server and the Service Bus emulator', () => {
  let db: TestGlobalDb;
  let emulator: ServiceBusEmulator;
  let client: ServiceBusClient;
  let publisher: ServiceBusOperationPublisher;
  let sweep: RotationSweep;

  beforeAll(async () => {
    db = await startTestGlobalDb();
    emulator = await startServiceBusEmulator({ config: join(__dirname, '../../../config/servicebus/Config.json') });
    client = new ServiceBusClient(emulator.connectionString);
    publisher = ServiceBusOperationPublisher.create(client);
    const clock = new FixedClock(NOW);
    const enqueuer = new RotationEnqueuer({ registry: db.registry, operations: db.operations, publisher, clock });
    sweep = new RotationSweep(db.secrets, enqueuer, clock, { rotationPeriodMs: 30 * DAY, pageSize: 10, maxPerSweep: 100 });
  });

  afterAll(async () => {
    await publisher?.close();
    await client?.close();
    await emulator?.stop();
    await db?.close();
  });

  it('publishes a rotation of each due or forced connector in its subscription session, behind the operations already queued there, and only once', async () => {
    const due = sampleConnector('dueconnector00000000000000', SUBSCRIPTION_ID, 'Due');
    const forced = sampleConnector('forcedconnector00000000000', OTHER_SUBSCRIPTION, 'Forced');
    const young = sampleConnector('youngconnector000000000000', SUBSCRIPTION_ID, 'Young');
    await db.registry.createChildResources([due, sampleSecret(due, new Date(NOW.getTime() - 31 * DAY))]);
    await db.registry.createChildResources([forced, sampleSecret(forced, new Date(NOW.getTime() - DAY), { forceRotation: true })]);
    const [storedYoung] = await db.registry.createChildResources([young, sampleSecret(young, new Date(NOW.getTime() - 29 * DAY))]);
    // An operation the gateway accepted earlier in the same subscription (a patch of another connector).
    const earlier = newIomtConnectorOperation(young, OperationType.Patch, { now: new Date(NOW.getTime() - 1000) });
    await db.operations.createWithResource(young, earlier, { resourceIfMatch: storedYoung?._etag });
    await publisher.publish({ operationId: earlier.id, subscriptionId: SUBSCRIPTION_ID });

    expect(await sweep.run()).toEqual({ enqueued: 2, pending: 0, skipped: 0, failed: 0 });

    const mine = await receiveSession(client, SUBSCRIPTION_ID, 2);
    const theirs = await receiveSession(client, OTHER_SUBSCRIPTION, 1);
    expect(mine.map((m) => m.sessionId)).toEqual([SUBSCRIPTION_ID, SUBSCRIPTION_ID]);
    expect(mine[0]?.body).toEqual({ operationId: earlier.id, subscriptionId: SUBSCRIPTION_ID });
    const rotation = await db.operations.get(SUBSCRIPTION_ID, (mine[1]?.body as { operationId: string }).operationId);
    expect(rotation).toMatchObject({ provisioningOperation: OperationType.RotateKeys, provisioningStatus: OperationStatus.Requested, iomtConnectorId: due.id });
    expect(mine[1]?.subject).toBe('operation.requested');
    const forcedRotation = await db.operations.get(OTHER_SUBSCRIPTION, (theirs[0]?.body as { operationId: string }).operationId);
    expect(forcedRotation).toMatchObject({ provisioningOperation: OperationType.RotateKeys, iomtConnectorId: forced.id, subscriptionId: OTHER_SUBSCRIPTION });

    expect(await sweep.run()).toEqual({ enqueued: 0, pending: 2, skipped: 0, failed: 0 });
    expect(emulator.counts('operations')).toMatchObject({ active: 0 });
  });
});
