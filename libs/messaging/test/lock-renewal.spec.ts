import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { setTimeout as workFor } from 'node:timers/promises';
import { ServiceBusContext } from '../src';
import { Probe, sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

const LOCK_MS = 2_000;
// The handler's simulated work outlasts the session lock; that duration is the scenario under
// test, not a wait for something to happen.
const WORK_MS = 2_500;
const probe = new Probe();

@Controller()
class LongController {
  @EventPattern('long')
  async long(@Ctx() ctx: ServiceBusContext) {
    if (ctx.getMessage().deliveryCount === 0) await workFor(WORK_MS);
    probe.record({}, ctx);
  }
}

@Module({ controllers: [LongController] })
class LongModule {}

const fixture = useEmulator(sessionQueues({ renewed: { LockDuration: 'PT2S' }, unrenewed: { LockDuration: 'PT2S' } }));

describe('ServerServiceBusSessions on the emulator: lock renewal', () => {
  let app: INestMicroservice | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const run = async (queueName: string, maxAutoLockRenewalDurationInMs: number) => {
    const started = await startMicroservice(fixture, LongModule, { entity: { queueName }, maxAutoLockRenewalDurationInMs });
    app = started.app;
    const errors: unknown[] = [];
    started.server.on('error', (error) => errors.push(error));
    const sender = fixture.sdk.createSender(queueName);
    await sender.sendMessages({ body: {}, subject: 'long', sessionId: `sub-${queueName}` });
    await sender.close();
    return errors;
  };

  it(`keeps the session lock (${LOCK_MS} ms) through a handler that runs longer, and completes the message`, async () => {
    await run('renewed', 60_000);
    const seen = await probe.when((s) => s.sessionId === 'sub-renewed');
    expect(seen.deliveryCount).toBe(0);
    await app?.close();
    app = undefined;
    expect(fixture.emulator.counts('renewed')).toMatchObject({ active: 0, locked: 0, deadLettered: 0 });
  });

  it('without renewal the lock expires under the handler and the broker redelivers the message', async () => {
    const errors = await run('unrenewed', 0);
    // Once the lock is gone another loop may take the session while the first handler still
    // runs: the reason handlers must be idempotent (ARCHITECTURE.md invariant 2).
    const redelivered = await probe.when((s) => s.sessionId === 'sub-unrenewed' && s.deliveryCount === 1);
    expect(redelivered.body).toEqual({});
    await probe.when((s) => s.sessionId === 'sub-unrenewed' && s.deliveryCount === 0);
    expect(errors.map((e) => (e as { code?: string }).code)).toContain('SessionLockLost');
  });
});
