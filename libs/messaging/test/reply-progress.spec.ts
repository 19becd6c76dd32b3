import { AzureMessageSink, ClientServiceBus, ReplyProgress, ReplyProgressSender, ServiceBusContext, ServiceBusRecord } from '../src';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, MessagePattern } from '@nestjs/microservices';
import { lastValueFrom, toArray } from 'rxjs';
import { clientFor, sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

const fixture = useEmulator(sessionQueues({ commands: {}, replies: {} }));
let sink: AzureMessageSink | undefined;
const progress = new ReplyProgressSender(() => (sink ??= new AzureMessageSink(fixture.sdk)));

@Controller()
class DeployController {
  @MessagePattern('deploy')
  async deploy(@Ctx() context: ServiceBusContext) {
    for (const percent of [10, 50, 90]) await progress.report(context.getMessage(), percent);
    return { deployed: true };
  }

  @MessagePattern('quiet')
  quiet() {
    return 'done';
  }
}

@Module({ controllers: [DeployController] })
class DeployModule {}

describe('progress on the reply path, against the emulator', () => {
  let app: INestMicroservice;
  let client: ClientServiceBus;

  beforeAll(async () => {
    ({ app } = await startMicroservice(fixture, DeployModule, { entity: { queueName: 'commands' } }));
    client = clientFor(fixture, 'commands', 'replies');
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
    await sink?.close();
  });

  it('emits the worker progress in order before the reply, which stays the last value', async () => {
    const values = await lastValueFrom(client.send('deploy', new ServiceBusRecord({}, { sessionId: 'sub-1' })).pipe(toArray()));
    expect(values).toEqual([new ReplyProgress(10), new ReplyProgress(50), new ReplyProgress(90), { deployed: true }]);
  });

  it('emits only the reply for a handler that reports nothing', async () => {
    const values = await lastValueFrom(client.send('quiet', new ServiceBusRecord({}, { sessionId: 'sub-2' })).pipe(toArray()));
    expect(values).toEqual(['done']);
  });

  it('leaves no progress message behind in the reply queue', async () => {
    await lastValueFrom(client.send('deploy', new ServiceBusRecord({}, { sessionId: 'sub-3' })).pipe(toArray()));
    expect(await fixture.sdk.createReceiver('replies').peekMessages(10)).toEqual([]);
  });
});
