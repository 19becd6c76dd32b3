import { RemoteOperationError } from '@iomt/contracts';
import { TransientError, ValidationError } from '@iomt/domain';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import {
  ClientServiceBus,
  ReplyTimeoutError,
  runWithTraceContext,
  ServiceBusContext,
  ServiceBusRecord,
} from '../src';
import { clientFor, deadLetters, sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

const PARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

let busyAttempts = 0;

@Controller()
class CalculatorController {
  @MessagePattern('busy')
  busy() {
    busyAttempts += 1;
    throw new TransientError('the database is busy');
  }

  @MessagePattern('sum')
  sum(@Payload() numbers: number[]) {
    return numbers.reduce((a, b) => a + b, 0);
  }

  @MessagePattern('whoami')
  async whoami(@Ctx() ctx: ServiceBusContext) {
    return { sessionId: ctx.getSessionId(), traceparent: ctx.getTraceContext()?.traceparent ?? null };
  }

  @MessagePattern('divide')
  divide(@Payload() [a, b]: [number, number]) {
    if (b === 0) throw new ValidationError('cannot divide by zero', { target: 'divisor' });
    return a / b;
  }
}

@Module({ controllers: [CalculatorController] })
class CalculatorModule {}

const fixture = useEmulator(sessionQueues({ commands: {}, replies: {}, unattended: {} }));

describe('ClientServiceBus.send against ServerServiceBusSessions on the emulator', () => {
  let app: INestMicroservice;
  let client: ClientServiceBus;
  const request = <T>(subject: string, data: unknown, sessionId = 'sub-1') =>
    firstValueFrom(client.send<T>(subject, new ServiceBusRecord(data, { sessionId })));

  beforeAll(async () => {
    ({ app } = await startMicroservice(fixture, CalculatorModule, { entity: { queueName: 'commands' } }));
    client = clientFor(fixture, 'commands', 'replies');
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
  });

  it('gets the handler result back through the reply queue', async () => {
    await expect(request('sum', [1, 2, 3])).resolves.toBe(6);
  });

  it('runs concurrent requests, each with its own reply session', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => request('sum', [n, n], `sub-${n}`)));
    expect(results).toEqual([2, 4, 6, 8]);
  });

  it('delivers the request in its session with the caller\'s trace context', async () => {
    const reply = await runWithTraceContext({ traceparent: PARENT }, () => request('whoami', {}, 'subscription-42'));
    expect(reply).toEqual({ sessionId: 'subscription-42', traceparent: PARENT });
  });

  it('turns a handler error into a RemoteOperationError, and dead-letters the request', async () => {
    const error = await request('divide', [1, 0]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteOperationError);
    expect(error).toMatchObject({ code: 'InvalidRequestContent', message: 'cannot divide by zero', target: 'divisor', retryable: false });
    const [dead] = await deadLetters(fixture.sdk, 'commands', 1);
    expect(dead).toMatchObject({ subject: 'divide', deadLetterReason: 'InvalidRequestContent' });
  });

  it('answers a request that failed retryably at once, and completes it rather than have the broker run it again', async () => {
    const error = await request('busy', {}, 'sub-busy').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteOperationError);
    expect(error).toMatchObject({ code: 'ServiceUnavailable', message: 'the database is busy', retryable: true });
    // The session is handled in order: once a later request in it is answered, an abandoned
    // 'busy' request would already have been redelivered to its handler.
    await expect(request('sum', [1, 1], 'sub-busy')).resolves.toBe(2);
    expect(busyAttempts).toBe(1);
  });

  it('answers a request nobody handles with an error at once, instead of a timeout', async () => {
    const error = await request('multiply', [2, 3]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteOperationError);
    expect(error).toMatchObject({ code: 'NoHandler' });
    await deadLetters(fixture.sdk, 'commands', 1);
  });

  it('times out when nobody answers, and leaves the reply session free', async () => {
    const impatient = clientFor(fixture, 'unattended', 'replies', 300);
    const record = new ServiceBusRecord({}, { sessionId: 'sub-1', replyToSessionId: 'reused-reply-session' });
    const error = await firstValueFrom(impatient.send('sum', record)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyTimeoutError);
    const again = await firstValueFrom(impatient.send('sum', record)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ReplyTimeoutError);
    await impatient.close();
  });
});
