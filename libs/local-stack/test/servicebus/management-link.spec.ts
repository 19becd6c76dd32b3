import { testConfig, useEmulator } from './emulator-fixture';

jest.setTimeout(60_000);

const fixture = useEmulator(testConfig({ 's-many': { RequiresSession: true, LockDuration: 'PT1M' } }));

describe('$management over one long-lived link', () => {
  // rhea keeps an unsettled outgoing delivery in its 2048-slot session window until both sides
  // settle it, and the SDK never settles a response: before replies were sent pre-settled, the
  // 2049th request on a client's $management link timed out, and with it every session-lock
  // renewal of a long-running router (found by the load run, tools/load).
  it('answers more requests than rhea has window slots, and the session lock stays renewable', async () => {
    await fixture.client.createSender('s-many').sendMessages({ body: 'first', sessionId: 'S' });
    const receiver = await fixture.client.acceptSession('s-many', 'S', { maxAutoLockRenewalDurationInMs: 0 });
    try {
      const answered: Date[] = [];
      for (let batch = 0; batch < 22; batch++) {
        answered.push(...(await Promise.all(Array.from({ length: 100 }, () => receiver.renewSessionLock()))));
      }
      expect(answered).toHaveLength(2200);
      const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5_000 });
      expect(message.body).toBe('first');
      await receiver.completeMessage(message);
    } finally {
      await receiver.close();
    }
  });
});
