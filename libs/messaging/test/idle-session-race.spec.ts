import type { ServiceBusReceivedMessage, ServiceBusSender } from '@azure/service-bus';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ServiceBusContext } from '../src';
import { sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

// Many sessions and an idle timeout far shorter than a send's round trip: each follow-up message
// reaches its session around the moment the pump decides the session is idle. A message the SDK
// hands over while the pump stops must still be handled, never released on close (a delivery).
const QUEUE = 'chatter';
const SESSIONS = Array.from({ length: 20 }, (_, i) => `session-${i}`);
const ROUNDS = 3;
const TOTAL = SESSIONS.length * ROUNDS;

interface Handled {
  readonly key: string;
  readonly deliveryCount: number;
}
const handled: Handled[] = [];
const deadLettered: string[] = [];
// A dead-lettered step also stands for the steps its handler would have sent after it.
let stepsNeverHandled = 0;
let sender: ServiceBusSender;
let allAccountedFor!: () => void;
const accountedFor = new Promise<void>((resolve) => (allAccountedFor = resolve));
const checkAccounted = () => handled.length + stepsNeverHandled >= TOTAL && allAccountedFor();

const step = (sessionId: string, n: number) => ({ body: { n }, subject: 'step', sessionId });

@Controller()
class ChatterController {
  @EventPattern('step')
  step(@Payload() body: { n: number }, @Ctx() ctx: ServiceBusContext) {
    const sessionId = ctx.getSessionId();
    handled.push({ key: `${sessionId}#${body.n}`, deliveryCount: ctx.getMessage().deliveryCount ?? -1 });
    // Not awaited: the follow-up arrives after this handler returned and the idle timer started.
    if (body.n + 1 < ROUNDS) void sender.sendMessages(step(sessionId, body.n + 1));
    checkAccounted();
  }
}

@Module({ controllers: [ChatterController] })
class ChatterModule {}

const fixture = useEmulator(sessionQueues({ [QUEUE]: { MaxDeliveryCount: 2 } }));

describe('ServerServiceBusSessions on the emulator: a message crossing the idle timer', () => {
  let app: INestMicroservice | undefined;
  let deadLetterWatch: { close(): Promise<void> } | undefined;

  afterAll(async () => {
    await app?.close();
    await deadLetterWatch?.close();
    await sender?.close();
  });

  it('handles every message of many briefly idle sessions exactly once, first time, none dead-lettered', async () => {
    sender = fixture.sdk.createSender(QUEUE);
    const deadLetters = fixture.sdk.createReceiver(QUEUE, { subQueueType: 'deadLetter', receiveMode: 'receiveAndDelete' });
    deadLetterWatch = deadLetters.subscribe({
      processMessage: async (message: ServiceBusReceivedMessage) => {
        const { n } = message.body as { n: number };
        deadLettered.push(`${message.sessionId}#${n}: ${message.deadLetterReason}`);
        stepsNeverHandled += ROUNDS - n;
        checkAccounted();
      },
      processError: async () => undefined,
    });
    await sender.sendMessages(SESSIONS.map((sessionId) => step(sessionId, 0)));

    ({ app } = await startMicroservice(fixture, ChatterModule, {
      entity: { queueName: QUEUE },
      maxConcurrentSessions: SESSIONS.length,
      sessionIdleTimeoutMs: 1,
    }));
    await accountedFor;

    const expected = SESSIONS.flatMap((s) => Array.from({ length: ROUNDS }, (_, n) => `${s}#${n}`)).sort();
    expect(deadLettered).toEqual([]);
    expect(handled.map((h) => h.key).sort()).toEqual(expected);
    expect(handled.filter((h) => h.deliveryCount !== 0)).toEqual([]);
  });
});
