import { ServiceBusClient, type ServiceBusSessionReceiver } from '@azure/service-bus';
import { create_container, type Connection } from 'rhea';
import { waitFor } from '../../src/testing/wait-for';
import { rejectionOf, testConfig, useEmulator } from './emulator-fixture';

jest.setTimeout(30_000);

/** acceptNextSession waits for a session up to the client's operation timeout: 1 s here. */
let quickClient: ServiceBusClient | undefined;
// Declared before the emulator fixture so that this client closes before the emulator stops.
afterAll(() => quickClient?.close());

const session = (props: Record<string, string | number | boolean> = {}) => ({ RequiresSession: true, ...props });
const fixture = useEmulator(
  testConfig({
    's-basic': session(),
    's-locked': session(),
    's-timeout': session(),
    's-wait': session(),
    's-drop': session(),
    's-state': session(),
    's-expiry': session({ LockDuration: 'PT1S' }),
    's-renew': session({ LockDuration: 'PT2S' }),
    's-release': session(),
    's-load': session({ MaxDeliveryCount: 10 }),
  }),
);

const noRenewal = { maxAutoLockRenewalDurationInMs: 0 };

beforeAll(() => {
  quickClient = new ServiceBusClient(fixture.emulator.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 1000 } });
});

describe('Service Bus emulator: sessions through @azure/service-bus', () => {
  it('gives acceptNextSession a session with messages and delivers only that session, in order', async () => {
    await fixture.client.createSender('s-basic').sendMessages([
      { body: 'a1', sessionId: 'a' },
      { body: 'b1', sessionId: 'b' },
      { body: 'a2', sessionId: 'a' },
    ]);
    const receiver = await fixture.client.acceptNextSession('s-basic', noRenewal);
    expect(receiver.sessionId).toBe('a');
    expect(receiver.sessionLockedUntilUtc!.getTime()).toBeGreaterThan(Date.now());
    const messages = await receiver.receiveMessages(10, { maxWaitTimeInMs: 500 });
    expect(messages.map((m) => m.body)).toEqual(['a1', 'a2']);
    expect(messages.every((m) => m.sessionId === 'a')).toBe(true);
    for (const message of messages) await receiver.completeMessage(message);
    const other = await fixture.client.acceptSession('s-basic', 'b', noRenewal);
    expect((await other.receiveMessages(10, { maxWaitTimeInMs: 300 })).map((m) => m.body)).toEqual(['b1']);
    await Promise.all([receiver.close(), other.close()]);
  });

  it('refuses a message without session id for a session queue', async () => {
    const error = await rejectionOf(quickClient!.createSender('s-basic').sendMessages({ body: 'no session' }));
    expect(error.message).toMatch(/requires sessions/);
  });

  it('refuses acceptSession on a session another receiver holds (SessionCannotBeLocked)', async () => {
    await fixture.client.createSender('s-locked').sendMessages({ body: 'x', sessionId: 'held' });
    const holder = await fixture.client.acceptSession('s-locked', 'held', noRenewal);
    const error = await rejectionOf(fixture.client.acceptSession('s-locked', 'held', noRenewal));
    expect(error.code).toBe('SessionCannotBeLocked');
    await holder.close();
    const next = await fixture.client.acceptSession('s-locked', 'held', noRenewal);
    expect((await next.receiveMessages(1, { maxWaitTimeInMs: 1000 }))[0].body).toBe('x');
    await next.close();
  });

  it('times out acceptNextSession when no session is free (ServiceTimeout)', async () => {
    const error = await rejectionOf(quickClient!.acceptNextSession('s-timeout', noRenewal));
    expect(error.code).toBe('ServiceTimeout');
  });

  it('answers a waiting acceptNextSession as soon as a message arrives in a free session', async () => {
    const pending = fixture.client.acceptNextSession('s-wait', noRenewal);
    await fixture.client.createSender('s-wait').sendMessages({ body: 'wake up', sessionId: 'late' });
    const receiver = await pending;
    expect(receiver.sessionId).toBe('late');
    await receiver.close();
  });

  it('forgets an acceptNextSession whose connection dropped while it waited: the session goes to the next receiver at once', async () => {
    // A raw AMQP client waits for any session, then its process "dies" (the socket is cut).
    const connection: Connection = create_container().connect({ host: '127.0.0.1', port: fixture.emulator.port, reconnect: false });
    connection.on('error', () => undefined);
    connection.open_receiver({ source: { address: 's-drop', filter: { 'com.microsoft:session-filter': null } }, autoaccept: false });
    // Frames of one connection are handled in order: once this sender is attached, so is the waiting receiver.
    await new Promise((resolve) => connection.open_sender({ target: { address: 's-drop' } }).once('sender_open', resolve));
    (connection as unknown as { socket: { destroy(): void } }).socket.destroy();

    await fixture.client.createSender('s-drop').sendMessages({ body: 'after the crash', sessionId: 'orphan' });
    // quickClient gives up after 1 s: the dead waiter would hold the session for its 60 s lock.
    const receiver = await quickClient!.acceptNextSession('s-drop', noRenewal);
    expect(receiver.sessionId).toBe('orphan');
    expect((await receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 }))[0].body).toBe('after the crash');
    await receiver.close();
  });

  it('keeps session state across receivers', async () => {
    await fixture.client.createSender('s-state').sendMessages({ body: 'x', sessionId: 'stateful' });
    const first = await fixture.client.acceptSession('s-state', 'stateful', noRenewal);
    expect(await first.getSessionState()).toBeNull();
    await first.setSessionState({ step: 2, done: ['a'] });
    await first.close();
    const second = await fixture.client.acceptSession('s-state', 'stateful', noRenewal);
    expect(await second.getSessionState()).toEqual({ step: 2, done: ['a'] });
    await second.close();
  });

  it('frees a session whose lock expired: the message is redelivered and the old receiver gets SessionLockLost', async () => {
    await fixture.client.createSender('s-expiry').sendMessages({ body: 'slow', sessionId: 'e' });
    const first = await fixture.client.acceptSession('s-expiry', 'e', noRenewal);
    const [message] = await first.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    let second: ServiceBusSessionReceiver | undefined;
    await waitFor(async () => {
      second = await fixture.client.acceptSession('s-expiry', 'e', noRenewal).catch(() => undefined);
      return second !== undefined;
    }, (accepted) => accepted, 'the expired session lock to free the session', 10_000, 20);
    const [again] = await second!.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    expect(again.body).toBe('slow');
    expect(again.deliveryCount).toBe(1);
    expect((await rejectionOf(first.completeMessage(message))).code).toBe('SessionLockLost');
    await second!.completeMessage(again);
    await Promise.all([first.close(), second!.close()]);
  });

  it('renews a session lock', async () => {
    await fixture.client.createSender('s-renew').sendMessages({ body: 'x', sessionId: 'r' });
    const receiver = await fixture.client.acceptSession('s-renew', 'r', noRenewal);
    const firstExpiry = receiver.sessionLockedUntilUtc!.getTime();
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 })).toEqual([]);
    await receiver.renewSessionLock();
    expect(receiver.sessionLockedUntilUtc!.getTime()).toBeGreaterThan(firstExpiry + 500);
    // Past the first expiry the session would be lost without the renewal.
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 1500 })).toEqual([]);
    await receiver.completeMessage(message);
    await receiver.close();
  });

  it('returns unsettled messages when a session receiver closes, with the delivery count incremented', async () => {
    await fixture.client.createSender('s-release').sendMessages({ body: 'unsettled', sessionId: 'u' });
    const first = await fixture.client.acceptSession('s-release', 'u', noRenewal);
    await first.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    await first.close();
    const second = await fixture.client.acceptNextSession('s-release', noRenewal);
    const [again] = await second.receiveMessages(1, { maxWaitTimeInMs: 1000 });
    expect(again).toMatchObject({ body: 'unsettled', deliveryCount: 1 });
    await second.close();
  });

  it('serves 50 sessions x 20 messages to 4 concurrent receivers: order kept per session, never two holders', async () => {
    const sessions = 50;
    const perSession = 20;
    const sender = fixture.client.createSender('s-load');
    for (let s = 0; s < sessions; s++) {
      await sender.sendMessages(Array.from({ length: perSession }, (_, i) => ({ body: i, sessionId: `tenant-${s}` })));
    }
    const received = new Map<string, number[]>();
    const holders = new Map<string, number>();
    let overlap = false;
    const worker = async (): Promise<void> => {
      for (;;) {
        const receiver = await quickClient!.acceptNextSession('s-load', noRenewal).catch(() => undefined);
        if (!receiver) return;
        const id = receiver.sessionId;
        holders.set(id, (holders.get(id) ?? 0) + 1);
        if (holders.get(id)! > 1) overlap = true;
        for (let batch = await receiver.receiveMessages(20, { maxWaitTimeInMs: 200 }); batch.length > 0; batch = await receiver.receiveMessages(20, { maxWaitTimeInMs: 200 })) {
          received.set(id, [...(received.get(id) ?? []), ...batch.map((m) => m.body as number)]);
          await Promise.all(batch.map((message) => receiver.completeMessage(message)));
        }
        holders.set(id, holders.get(id)! - 1);
        await receiver.close();
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(overlap).toBe(false);
    expect(received.size).toBe(sessions);
    for (const bodies of received.values()) expect(bodies).toEqual(Array.from({ length: perSession }, (_, i) => i));
    expect(fixture.emulator.counts('s-load')).toMatchObject({ active: 0, locked: 0, deadLettered: 0 });
    await sender.close();
  });
});
