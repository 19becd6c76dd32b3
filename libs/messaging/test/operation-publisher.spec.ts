import { ServiceBusError } from '@azure/service-bus';
import { ServiceBusOperationPublisher } from '../src';
import { sessionQueues, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

const fixture = useEmulator(
  sessionQueues({ operations: { RequiresDuplicateDetection: true, DuplicateDetectionHistoryTimeWindow: 'PT1M' } }),
);
const subscriptionId = (n: number) => `00000000-0000-0000-0000-00000000000${n}`;
const operationId = (n: number) => `1b4e28ba-2fa1-11d2-883f-0016d3cca42${n}`;

describe('ServiceBusOperationPublisher on the emulator', () => {
  let publisher: ServiceBusOperationPublisher;

  beforeAll(() => {
    publisher = ServiceBusOperationPublisher.create(fixture.sdk);
  });
  afterAll(() => publisher?.close());

  it('puts the operation in its subscription session, with the operation id as message id', async () => {
    await publisher.publish({ operationId: operationId(1), subscriptionId: subscriptionId(1) });
    const receiver = await fixture.sdk.acceptSession('operations', subscriptionId(1));
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5_000 });
    expect(message).toMatchObject({
      subject: 'operation.requested',
      messageId: operationId(1),
      sessionId: subscriptionId(1),
      body: { operationId: operationId(1), subscriptionId: subscriptionId(1) },
      applicationProperties: { contractVersion: '1.0' },
    });
    await receiver.completeMessage(message);
    await receiver.close();
  });

  it('publishes an operation once even when published twice (duplicate detection on the message id)', async () => {
    const message = { operationId: operationId(2), subscriptionId: subscriptionId(2) };
    await publisher.publish(message);
    await publisher.publish(message);
    expect(fixture.emulator.counts('operations')).toMatchObject({ active: 1 });
    const receiver = await fixture.sdk.acceptSession('operations', subscriptionId(2));
    const received = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5_000 });
    expect(received.map((m) => m.messageId)).toEqual([operationId(2)]);
    await receiver.completeMessage(received[0]);
    await receiver.close();
    expect(fixture.emulator.counts('operations')).toMatchObject({ active: 0, locked: 0 });
  });

  it('schedules a delayed publication', async () => {
    const later = new Date(Date.now() + 3_600_000);
    await publisher.publish({ operationId: operationId(3), subscriptionId: subscriptionId(3) }, { scheduledEnqueueTime: later });
    expect(fixture.emulator.counts('operations')).toMatchObject({ scheduled: 1, active: 0 });
  });

  it('fails precisely, and not as a retryable error, when the queue does not exist', async () => {
    const lost = ServiceBusOperationPublisher.create(fixture.sdk, 'no-such-queue');
    const error = await lost.publish({ operationId: operationId(4), subscriptionId: subscriptionId(4) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceBusError);
    expect(error).toMatchObject({ code: 'MessagingEntityNotFound', retryable: false });
    await lost.close();
  });
});
