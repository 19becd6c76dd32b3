import { isServiceBusError } from '@azure/service-bus';
import { rejectionOf, testConfig, useEmulator } from './emulator-fixture';

jest.setTimeout(30_000);

const fixture = useEmulator(
  testConfig({ 'q-send': {}, 'q-batch': {}, 'q-rad': {}, 'q-props': {} }, [
    {
      Name: 'events',
      Subscriptions: [
        { Name: 'all' },
        {
          Name: 'keep-only',
          Rules: [{ Name: 'keep', Properties: { FilterType: 'Correlation', CorrelationFilter: { Label: 'keep', Properties: { tenant: 'a' } } } }],
        },
      ],
    },
  ]),
);

describe('Service Bus emulator: sending and receiving through @azure/service-bus', () => {
  it('delivers a sent message in peek-lock with sequence number, enqueued time, lock token and a stamped message id', async () => {
    const sender = fixture.client.createSender('q-send');
    const before = Date.now();
    await sender.sendMessages({ body: { hello: 'world' }, subject: 'greeting', applicationProperties: { n: 7 } });
    const receiver = fixture.client.createReceiver('q-send');
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    expect(message.body).toEqual({ hello: 'world' });
    expect(message.subject).toBe('greeting');
    expect(message.applicationProperties).toEqual({ n: 7 });
    expect(message.sequenceNumber?.toNumber()).toBe(1);
    expect(message.enqueuedTimeUtc?.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(message.lockToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(message.lockedUntilUtc?.getTime()).toBeGreaterThan(Date.now());
    expect(message.messageId).toEqual(expect.any(String));
    expect(message.deliveryCount).toBe(0);
    expect(fixture.emulator.counts('q-send')).toMatchObject({ active: 1, locked: 1 });
    await receiver.completeMessage(message);
    expect(fixture.emulator.counts('q-send')).toMatchObject({ active: 0, locked: 0 });
    await receiver.close();
    await sender.close();
  });

  it('accepts arrays and batches and keeps their order in sequence numbers', async () => {
    const sender = fixture.client.createSender('q-batch');
    await sender.sendMessages([{ body: 'a' }, { body: 'b' }]);
    const batch = await sender.createMessageBatch();
    for (const body of ['c', 'd', 'e']) expect(batch.tryAddMessage({ body })).toBe(true);
    await sender.sendMessages(batch);
    const receiver = fixture.client.createReceiver('q-batch', { receiveMode: 'receiveAndDelete' });
    const received = await receiver.receiveMessages(10, { maxWaitTimeInMs: 1000 });
    expect(received.map((m) => m.body)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(received.map((m) => m.sequenceNumber?.toNumber())).toEqual([1, 2, 3, 4, 5]);
    await receiver.close();
    await sender.close();
  });

  it('removes messages on delivery in receive-and-delete mode', async () => {
    const sender = fixture.client.createSender('q-rad');
    await sender.sendMessages([{ body: 1 }, { body: 2 }]);
    const receiver = fixture.client.createReceiver('q-rad', { receiveMode: 'receiveAndDelete' });
    const received = await receiver.receiveMessages(2, { maxWaitTimeInMs: 1000 });
    expect(received.map((m) => m.body)).toEqual([1, 2]);
    expect(received[0].lockToken).toBeUndefined();
    expect(fixture.emulator.counts('q-rad')).toMatchObject({ active: 0, locked: 0 });
    await receiver.close();
    await sender.close();
  });

  it('keeps AMQP properties: message id, correlation id, reply-to, session ids, content type, time to live', async () => {
    const sender = fixture.client.createSender('q-props');
    await sender.sendMessages({
      body: 'x',
      messageId: 'm-1',
      correlationId: 'c-1',
      replyTo: 'operation-replies',
      replyToSessionId: 'op-1',
      contentType: 'application/json',
      timeToLive: 60_000,
      to: 'somewhere',
    });
    const receiver = fixture.client.createReceiver('q-props', { receiveMode: 'receiveAndDelete' });
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    expect(message).toMatchObject({
      messageId: 'm-1',
      correlationId: 'c-1',
      replyTo: 'operation-replies',
      replyToSessionId: 'op-1',
      contentType: 'application/json',
      timeToLive: 60_000,
      to: 'somewhere',
    });
    expect(message.expiresAtUtc!.getTime() - message.enqueuedTimeUtc!.getTime()).toBe(60_000);
    await receiver.close();
  });

  it('fans a topic message out to every subscription whose rules match', async () => {
    const sender = fixture.client.createSender('events');
    await sender.sendMessages([
      { body: 'dropped-by-filter', subject: 'other', applicationProperties: { tenant: 'a' } },
      { body: 'kept', subject: 'keep', applicationProperties: { tenant: 'a' } },
      { body: 'wrong-tenant', subject: 'keep', applicationProperties: { tenant: 'b' } },
    ]);
    const all = fixture.client.createReceiver('events', 'all', { receiveMode: 'receiveAndDelete' });
    const filtered = fixture.client.createReceiver('events', 'keep-only', { receiveMode: 'receiveAndDelete' });
    expect((await all.receiveMessages(10, { maxWaitTimeInMs: 1000 })).map((m) => m.body)).toEqual(['dropped-by-filter', 'kept', 'wrong-tenant']);
    expect((await filtered.receiveMessages(10, { maxWaitTimeInMs: 500 })).map((m) => m.body)).toEqual(['kept']);
    await Promise.all([all.close(), filtered.close(), sender.close()]);
  });

  it('refuses a send to an entity that is not declared with MessagingEntityNotFound', async () => {
    const sender = fixture.client.createSender('no-such-queue');
    const error = await rejectionOf(sender.sendMessages({ body: 'x' }));
    expect(isServiceBusError(error) ? error.code : error).toBe('MessagingEntityNotFound');
    await sender.close();
  });
});
