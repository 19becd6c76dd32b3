import { ServiceBusClient } from '@azure/service-bus';
import { startServiceBusEmulator } from '@iomt/local-stack';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { ClientServiceBus, ServerServiceBusSessions, ServiceBusRecord } from '../src';

/**
 * `node -r @swc-node/register libs/messaging/bench/transport.bench.ts`: figures of the sessions
 * transport on the in-repo emulator: events handled and completed per second by a Nest
 * microservice with 8 sessions in parallel, and sequential request/reply round trips per second.
 */
const SESSIONS = 8;
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 4_000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 200);
let handled = 0;
let allHandled: () => void = () => undefined;

@Controller()
class BenchController {
  @EventPattern('tick')
  tick() {
    if (++handled === EVENTS) allHandled();
  }

  @MessagePattern('echo')
  echo(data: unknown) {
    return data;
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

const queue = (Name: string) => ({ Name, Properties: { RequiresSession: true, MaxDeliveryCount: 10 } });
const config = {
  UserConfig: {
    Namespaces: [{ Name: 'sbemulatorns', Queues: [queue('events'), queue('requests'), queue('replies')], Topics: [] }],
    Logging: { Type: 'Console' },
  },
};

async function main(): Promise<void> {
  const emulator = await startServiceBusEmulator({ config });
  const sdk = new ServiceBusClient(emulator.connectionString);
  const sender = sdk.createSender('events');
  let batch = await sender.createMessageBatch();
  for (let i = 0; i < EVENTS; i++) {
    const message = { body: { i }, subject: 'tick', sessionId: `s-${i % SESSIONS}` };
    if (!batch.tryAddMessage(message)) {
      await sender.sendMessages(batch);
      batch = await sender.createMessageBatch();
      batch.tryAddMessage(message);
    }
  }
  await sender.sendMessages(batch);

  const done = new Promise<void>((resolve) => (allHandled = resolve));
  const started = process.hrtime.bigint();
  const events = await microservice(emulator.connectionString, 'events');
  await done;
  const eventSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await events.close();

  const requests = await microservice(emulator.connectionString, 'requests');
  const client = new ClientServiceBus({ connectionString: emulator.connectionString, entityPath: 'requests', replyQueueName: 'replies' });
  const rrStarted = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) await firstValueFrom(client.send('echo', new ServiceBusRecord({ i }, { sessionId: 's' })));
  const rrSeconds = Number(process.hrtime.bigint() - rrStarted) / 1e9;
  await client.close();
  await requests.close();

  console.log(`events handled+completed, ${SESSIONS} sessions: ${Math.round(EVENTS / eventSeconds)} msg/s (${EVENTS} messages)`);
  console.log(`request/reply round trips, sequential: ${Math.round(REQUESTS / rrSeconds)} /s, ${((rrSeconds / REQUESTS) * 1000).toFixed(1)} ms each`);
  await sdk.close();
  await emulator.stop();
}

async function microservice(connectionString: string, queueName: string) {
  const strategy = new ServerServiceBusSessions({ connectionString, entity: { queueName }, maxConcurrentSessions: SESSIONS, sessionIdleTimeoutMs: 500, acceptSessionTimeoutMs: 1_000 });
  const app = await NestFactory.createMicroservice(BenchModule, { strategy, logger: false });
  await app.listen();
  return app;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
