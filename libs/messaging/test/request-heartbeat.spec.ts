import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { lastValueFrom, toArray } from 'rxjs';
import { ClientServiceBus, ReplyTimeoutError, ServiceBusRecord } from '../src';
import { sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

/** How long the slow handler works: several times the requesters' reply timeout below. */
const WORK_MS = 1_200;
const REPLY_TIMEOUT_MS = 300;

const fixture = useEmulator(sessionQueues({ beating: {}, silent: {}, replies: {} }));

@Controller()
class SlowController {
  @MessagePattern('deploy')
  async deploy() {
    // Stands for a long ARM deployment: work that outlasts the requester's reply timeout.
    await new Promise((resolve) => setTimeout(resolve, WORK_MS));
    return { deployed: true };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

function client(entityPath: string, replyMaxWaitMs?: number): ClientServiceBus {
  return new ClientServiceBus({
    connectionString: fixture.emulator.connectionString,
    entityPath,
    replyQueueName: 'replies',
    replyTimeoutMs: REPLY_TIMEOUT_MS,
    ...(replyMaxWaitMs === undefined ? {} : { replyMaxWaitMs }),
  });
}

describe('heartbeats of a long request, against the emulator', () => {
  const apps: INestMicroservice[] = [];
  const clients: ClientServiceBus[] = [];

  beforeAll(async () => {
    apps.push((await startMicroservice(fixture, SlowModule, { entity: { queueName: 'beating' }, requestHeartbeatMs: 50 })).app);
    apps.push((await startMicroservice(fixture, SlowModule, { entity: { queueName: 'silent' }, requestHeartbeatMs: 0 })).app);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(apps.map((a) => a.close()));
  });

  const send = (c: ClientServiceBus, sessionId: string) => {
    clients.push(c);
    return lastValueFrom(c.send('deploy', new ServiceBusRecord({}, { sessionId })).pipe(toArray()));
  };

  it('gets the reply of work longer than the reply timeout while the worker heartbeats, and no heartbeat as a value', async () => {
    await expect(send(client('beating'), 'sub-1')).resolves.toEqual([{ deployed: true }]);
  });

  it('times out on a worker silent for the reply timeout', async () => {
    const error = await send(client('silent'), 'sub-2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyTimeoutError);
    expect(error).toMatchObject({ message: expect.stringContaining(`nor sign of life for ${REPLY_TIMEOUT_MS} ms`), retryable: true });
  });

  it('gives up at the maximum wait however alive the worker is', async () => {
    const error = await send(client('beating', WORK_MS / 2), 'sub-3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyTimeoutError);
    expect(error).toMatchObject({ message: expect.stringContaining('before the deadline') });
  });
});
