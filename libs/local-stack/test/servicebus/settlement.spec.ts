import { rejectionOf, testConfig, useEmulator } from './emulator-fixture';

jest.setTimeout(30_000);

const shortLock = { LockDuration: 'PT1S', MaxDeliveryCount: 5 };
const fixture = useEmulator(
  testConfig({
    'q-abandon': {},
    'q-release': { MaxDeliveryCount: 1 },
    'q-defer': {},
    'q-deadletter': {},
    'q-maxdelivery': { MaxDeliveryCount: 2 },
    'q-lock-expiry': shortLock,
    'q-renew': { LockDuration: 'PT2S' },
    'q-mgmt-settle': {},
  }),
);

const noRenewal = { maxAutoLockRenewalDurationInMs: 0 };

describe('Service Bus emulator: settlement through @azure/service-bus', () => {
  it('redelivers an abandoned message with its delivery count incremented and modified properties', async () => {
    await fixture.client.createSender('q-abandon').sendMessages({ body: 'retry me' });
    const receiver = fixture.client.createReceiver('q-abandon', noRenewal);
    const [first] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    await receiver.abandonMessage(first, { attempt: 'one' });
    const [second] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    expect(second.body).toBe('retry me');
    expect(second.deliveryCount).toBe(1);
    expect(second.applicationProperties).toEqual({ attempt: 'one' });
    expect(second.sequenceNumber?.toNumber()).toBe(first.sequenceNumber?.toNumber());
    await receiver.completeMessage(second);
    await receiver.close();
  });

  it('makes a released message (AMQP released outcome) available again without counting a delivery', async () => {
    await fixture.client.createSender('q-release').sendMessages({ body: 'not processed' });
    const receiver = fixture.client.createReceiver('q-release', noRenewal);
    const [first] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    // The SDK has no release call (its abandon is `modified`); settle its AMQP delivery directly.
    (first as unknown as { delivery: { release(): void } }).delivery.release();
    const [second] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    expect(second.sequenceNumber?.toNumber()).toBe(first.sequenceNumber?.toNumber());
    expect(second.deliveryCount).toBe(0);
    await receiver.completeMessage(second);
    expect(fixture.emulator.counts('q-release')).toMatchObject({ active: 0, deadLettered: 0 });
    await receiver.close();
  });

  it('defers a message, which is then only received by sequence number and settled through $management', async () => {
    await fixture.client.createSender('q-defer').sendMessages([{ body: 'later' }, { body: 'now' }]);
    const receiver = fixture.client.createReceiver('q-defer', noRenewal);
    const [later] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    await receiver.deferMessage(later);
    const [now] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    expect(now.body).toBe('now');
    await receiver.completeMessage(now);
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 300 })).toEqual([]);
    expect(fixture.emulator.counts('q-defer')).toMatchObject({ deferred: 1 });
    const [deferred] = await receiver.receiveDeferredMessages(later.sequenceNumber!);
    expect(deferred.body).toBe('later');
    expect(deferred.state).toBe('deferred');
    await receiver.completeMessage(deferred);
    expect(fixture.emulator.counts('q-defer')).toMatchObject({ active: 0, deferred: 0 });
    const missing = await rejectionOf(receiver.receiveDeferredMessages(later.sequenceNumber!));
    expect(missing.code).toBe('MessageNotFound');
    await receiver.close();
  });

  it('dead-letters with reason and description into <queue>/$DeadLetterQueue', async () => {
    await fixture.client.createSender('q-deadletter').sendMessages({ body: 'poison', messageId: 'p-1' });
    const receiver = fixture.client.createReceiver('q-deadletter', noRenewal);
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    await receiver.deadLetterMessage(message, { deadLetterReason: 'NoHandler', deadLetterErrorDescription: 'no handler for subject x', extra: 'kept' });
    expect(fixture.emulator.counts('q-deadletter')).toMatchObject({ active: 0, deadLettered: 1 });
    const dlq = fixture.client.createReceiver('q-deadletter', { subQueueType: 'deadLetter', ...noRenewal });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    expect(dead).toMatchObject({ body: 'poison', messageId: 'p-1', deadLetterReason: 'NoHandler', deadLetterErrorDescription: 'no handler for subject x' });
    expect(dead.applicationProperties).toMatchObject({ extra: 'kept' });
    await dlq.completeMessage(dead);
    await Promise.all([dlq.close(), receiver.close()]);
  });

  it('dead-letters a message abandoned MaxDeliveryCount times with MaxDeliveryCountExceeded', async () => {
    await fixture.client.createSender('q-maxdelivery').sendMessages({ body: 'always fails' });
    const receiver = fixture.client.createReceiver('q-maxdelivery', noRenewal);
    for (const expectedCount of [0, 1]) {
      const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
      expect(message.deliveryCount).toBe(expectedCount);
      await receiver.abandonMessage(message);
    }
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 300 })).toEqual([]);
    const dlq = fixture.client.createReceiver('q-maxdelivery', { subQueueType: 'deadLetter', receiveMode: 'receiveAndDelete' });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    expect(dead.body).toBe('always fails');
    expect(dead.deadLetterReason).toBe('MaxDeliveryCountExceeded');
    expect(dead.deadLetterSource).toBe('q-maxdelivery');
    await Promise.all([dlq.close(), receiver.close()]);
  });

  it('redelivers a message whose lock expired, and refuses to settle it with the old lock (MessageLockLost)', async () => {
    await fixture.client.createSender('q-lock-expiry').sendMessages({ body: 'slow' });
    const receiver = fixture.client.createReceiver('q-lock-expiry', noRenewal);
    const [first] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    const [again] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5000 });
    expect(again.body).toBe('slow');
    expect(again.deliveryCount).toBe(1);
    expect(again.lockToken).not.toBe(first.lockToken);
    expect((await rejectionOf(receiver.completeMessage(first))).code).toBe('MessageLockLost');
    await receiver.completeMessage(again);
    await receiver.close();
  });

  it('renews a message lock, so that the message is not redelivered', async () => {
    await fixture.client.createSender('q-renew').sendMessages({ body: 'long job' });
    const receiver = fixture.client.createReceiver('q-renew', noRenewal);
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    const firstExpiry = message.lockedUntilUtc!.getTime();
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 })).toEqual([]);
    const renewedUntil = await receiver.renewMessageLock(message);
    expect(renewedUntil.getTime()).toBeGreaterThan(firstExpiry + 500);
    // Waiting past the first expiry: a lost lock would redeliver the message here.
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 1500 })).toEqual([]);
    await receiver.completeMessage(message);
    expect(fixture.emulator.counts('q-renew')).toMatchObject({ active: 0, locked: 0 });
    await receiver.close();
  });

  it('settles through update-disposition when the receiving link is gone', async () => {
    await fixture.client.createSender('q-mgmt-settle').sendMessages({ body: 'settle me later' });
    const first = fixture.client.createReceiver('q-mgmt-settle', noRenewal);
    const [message] = await first.receiveMessages(1, { maxWaitTimeInMs: 2000 });
    await first.close();
    const second = fixture.client.createReceiver('q-mgmt-settle', noRenewal);
    await second.deadLetterMessage(message, { deadLetterReason: 'LateDecision', deadLetterErrorDescription: 'settled without a link' });
    expect(fixture.emulator.counts('q-mgmt-settle')).toMatchObject({ active: 0, deadLettered: 1 });
    await second.close();
  });
});
