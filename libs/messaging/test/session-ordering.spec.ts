import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ServiceBusContext } from '../src';
import { sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

const SESSIONS = ['sub-a', 'sub-b', 'sub-c', 'sub-d'];
const PER_SESSION = 10;

/** Per-session order and overlap, recorded by the handler. */
const handled = new Map<string, number[]>();
const inFlight = new Map<string, number>();
const overlaps: string[] = [];
// Every session's first message waits until all sessions have one in flight: this only
// completes if the server really processes the sessions in parallel.
const firstOfEach = new Set<string>();
let releaseFirsts!: () => void;
const allFirstsInFlight = new Promise<void>((resolve) => (releaseFirsts = resolve));
let releaseDone!: () => void;
const allHandled = new Promise<void>((resolve) => (releaseDone = resolve));

@Controller()
class SequenceController {
  @EventPattern('step')
  async step(@Payload() body: { n: number }, @Ctx() ctx: ServiceBusContext) {
    const session = ctx.getSessionId();
    inFlight.set(session, (inFlight.get(session) ?? 0) + 1);
    if (inFlight.get(session)! > 1) overlaps.push(`${session}#${body.n}`);
    if (body.n === 0) {
      firstOfEach.add(session);
      if (firstOfEach.size === SESSIONS.length) releaseFirsts();
      await allFirstsInFlight;
    }
    // Yield to the event loop, so that overlapping deliveries of one session would interleave.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    handled.set(session, [...(handled.get(session) ?? []), body.n]);
    inFlight.set(session, inFlight.get(session)! - 1);
    if ([...handled.values()].flat().length === SESSIONS.length * PER_SESSION) releaseDone();
  }
}

@Module({ controllers: [SequenceController] })
class SequenceModule {}

const fixture = useEmulator(sessionQueues({ steps: { MaxDeliveryCount: 10 } }));

describe('ServerServiceBusSessions on the emulator: sessions', () => {
  let app: INestMicroservice;

  afterAll(async () => {
    await app?.close();
  });

  it('handles several sessions in parallel, each one message at a time and in order', async () => {
    const sender = fixture.sdk.createSender('steps');
    const messages = Array.from({ length: PER_SESSION }, (_, n) =>
      SESSIONS.map((sessionId) => ({ body: { n }, subject: 'step', sessionId })),
    ).flat();
    await sender.sendMessages(messages);
    await sender.close();

    ({ app } = await startMicroservice(fixture, SequenceModule, {
      entity: { queueName: 'steps' },
      maxConcurrentSessions: SESSIONS.length,
    }));
    await allHandled;

    const inOrder = Array.from({ length: PER_SESSION }, (_, n) => n);
    expect(Object.fromEntries(handled)).toEqual(Object.fromEntries(SESSIONS.map((s) => [s, inOrder])));
    expect(overlaps).toEqual([]);
  });
});
