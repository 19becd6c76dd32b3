import { waitFor } from '../../src/testing/wait-for';
import { rejectionOf, testConfig, useEmulator } from './emulator-fixture';

jest.setTimeout(30_000);

const fixture = useEmulator(
  testConfig({
    'q-schedule': {},
    'q-schedule-annotation': {},
    'q-peek': {},
    'q-dedup': { RequiresDuplicateDetection: true, DuplicateDetectionHistoryTimeWindow: 'PT10S' },
    'q-ttl': { DefaultMessageTimeToLive: 'PT1H' },
    'q-ttl-dlq': { DeadLetteringOnMessageExpiration: true },
    'q-ttl-default': { DefaultMessageTimeToLive: 'PT1S' },
  }),
);

describe('Service Bus emulator: scheduling, peek, duplicate detection and time-to-live', () => {
  it('schedules messages, shows them to peek as scheduled, delivers them when due and cancels on request', async () => {
    const sender = fixture.client.createSender('q-schedule');
    const due = new Date(Date.now() + 500);
    const [kept, cancelled] = await sender.scheduleMessages([{ body: 'kept' }, { body: 'cancelled' }], due);
    expect(cancelled.toNumber()).toBe(kept.toNumber() + 1);
    const receiver = fixture.client.createReceiver('q-schedule', { receiveMode: 'receiveAndDelete' });
    const peeked = await receiver.peekMessages(10);
    expect(peeked.map((m) => [m.body, m.state])).toEqual([['kept', 'scheduled'], ['cancelled', 'scheduled']]);
    await sender.cancelScheduledMessages(cancelled);
    expect(fixture.emulator.counts('q-schedule')).toMatchObject({ scheduled: 1, active: 0 });
    const [delivered] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5000 });
    expect(delivered.body).toBe('kept');
    expect(delivered.enqueuedTimeUtc!.getTime()).toBeGreaterThanOrEqual(due.getTime());
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 300 })).toEqual([]);
    expect((await rejectionOf(sender.cancelScheduledMessages(cancelled))).code).toBe('MessageNotFound');
    await Promise.all([receiver.close(), sender.close()]);
  });

  it('schedules a message sent with scheduledEnqueueTimeUtc', async () => {
    const due = new Date(Date.now() + 300);
    await fixture.client.createSender('q-schedule-annotation').sendMessages({ body: 'later', scheduledEnqueueTimeUtc: due });
    expect(fixture.emulator.counts('q-schedule-annotation')).toMatchObject({ scheduled: 1, active: 0 });
    const receiver = fixture.client.createReceiver('q-schedule-annotation', { receiveMode: 'receiveAndDelete' });
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5000 });
    expect(message.body).toBe('later');
    expect(message.enqueuedTimeUtc!.getTime()).toBeGreaterThanOrEqual(due.getTime());
    await receiver.close();
  });

  it('peeks without locking, from a sequence number, including deferred messages', async () => {
    await fixture.client.createSender('q-peek').sendMessages([1, 2, 3, 4].map((body) => ({ body })));
    const receiver = fixture.client.createReceiver('q-peek', { maxAutoLockRenewalDurationInMs: 0 });
    const [first] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    await receiver.deferMessage(first);
    const all = await receiver.peekMessages(10, { fromSequenceNumber: first.sequenceNumber });
    expect(all.map((m) => [m.body, m.sequenceNumber?.toNumber(), m.state])).toEqual([
      [1, 1, 'deferred'],
      [2, 2, 'active'],
      [3, 3, 'active'],
      [4, 4, 'active'],
    ]);
    expect(all[0].lockToken).toBeUndefined();
    const fromThree = await fixture.client.createReceiver('q-peek').peekMessages(2, { fromSequenceNumber: all[2].sequenceNumber });
    expect(fromThree.map((m) => m.body)).toEqual([3, 4]);
    expect(await receiver.peekMessages(5, { fromSequenceNumber: all[3].sequenceNumber!.add(1) })).toEqual([]);
    expect(fixture.emulator.counts('q-peek')).toMatchObject({ active: 3, locked: 0, deferred: 1 });
    await receiver.close();
  });

  it('drops a message whose id was already sent within the duplicate detection window', async () => {
    const sender = fixture.client.createSender('q-dedup');
    await sender.sendMessages({ body: 'first', messageId: 'same' });
    await sender.sendMessages({ body: 'duplicate', messageId: 'same' });
    await sender.sendMessages({ body: 'other', messageId: 'different' });
    const receiver = fixture.client.createReceiver('q-dedup', { receiveMode: 'receiveAndDelete' });
    expect((await receiver.receiveMessages(10, { maxWaitTimeInMs: 500 })).map((m) => m.body)).toEqual(['first', 'other']);
    await Promise.all([receiver.close(), sender.close()]);
  });

  it('never delivers an expired message and drops it when the queue does not dead-letter on expiration', async () => {
    await fixture.client.createSender('q-ttl').sendMessages([{ body: 'short', timeToLive: 100 }, { body: 'long' }]);
    await waitFor(() => fixture.emulator.counts('q-ttl').active, (count) => count === 1, 'q-ttl to hold 1 active', 10_000, 20);
    const receiver = fixture.client.createReceiver('q-ttl', { receiveMode: 'receiveAndDelete' });
    expect((await receiver.receiveMessages(10, { maxWaitTimeInMs: 300 })).map((m) => m.body)).toEqual(['long']);
    expect(fixture.emulator.counts('q-ttl')).toMatchObject({ deadLettered: 0 });
    await receiver.close();
  });

  it('moves an expired message to the dead-letter queue when DeadLetteringOnMessageExpiration is set', async () => {
    await fixture.client.createSender('q-ttl-dlq').sendMessages({ body: 'expires', timeToLive: 100 });
    await waitFor(() => fixture.emulator.counts('q-ttl-dlq').deadLettered, (count) => count === 1, 'q-ttl-dlq to hold 1 deadLettered', 10_000, 20);
    const dlq = fixture.client.createReceiver('q-ttl-dlq', { subQueueType: 'deadLetter', receiveMode: 'receiveAndDelete' });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    expect(dead).toMatchObject({ body: 'expires', deadLetterReason: 'TTLExpiredException' });
    await dlq.close();
  });

  it('applies the entity DefaultMessageTimeToLive when the message sets none', async () => {
    await fixture.client.createSender('q-ttl-default').sendMessages({ body: 'default ttl' });
    const receiver = fixture.client.createReceiver('q-ttl-default', { receiveMode: 'receiveAndDelete' });
    const [peeked] = await receiver.peekMessages(1);
    expect(peeked.expiresAtUtc!.getTime() - peeked.enqueuedTimeUtc!.getTime()).toBeLessThanOrEqual(1000);
    await waitFor(() => fixture.emulator.counts('q-ttl-default').active, (count) => count === 0, 'q-ttl-default to hold 0 active', 10_000, 20);
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 200 })).toEqual([]);
    await receiver.close();
  });
});
