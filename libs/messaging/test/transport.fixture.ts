import { ServiceBusClient, ServiceBusReceivedMessage } from '@azure/service-bus';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@iomt/local-stack';
import { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ClientServiceBus,
  ServerServiceBusSessions,
  ServiceBusContext,
  ServiceBusExceptionFilter,
  ServiceBusServerSettings,
} from '../src';

type Properties = Record<string, string | number | boolean>;

/** A Config.json (official emulator format) with session-enabled queues. */
export function sessionQueues(queues: Record<string, Properties>): object {
  const Queues = Object.entries(queues).map(([Name, p]) => ({ Name, Properties: { RequiresSession: true, ...p } }));
  return { UserConfig: { Namespaces: [{ Name: 'sbemulatorns', Queues, Topics: [] }], Logging: { Type: 'Console' } } };
}

/** The emulator and an SDK client to inspect it, for one test file. */
export interface TransportFixture {
  readonly emulator: ServiceBusEmulator;
  readonly sdk: ServiceBusClient;
}

/** Starts an emulator before the file's tests and stops it after them. */
export function useEmulator(config: object): TransportFixture {
  const fixture = {} as { emulator: ServiceBusEmulator; sdk: ServiceBusClient };
  beforeAll(async () => {
    fixture.emulator = await startServiceBusEmulator({ config });
    fixture.sdk = new ServiceBusClient(fixture.emulator.connectionString);
  });
  afterAll(async () => {
    await fixture.sdk?.close();
    await fixture.emulator?.stop();
  });
  return fixture;
}

/**
 * A real Nest microservice on `ServerServiceBusSessions`, with `ServiceBusExceptionFilter`, and
 * a client for `queueName`.
 */
export async function startMicroservice(
  fixture: TransportFixture,
  module: Type | DynamicModule,
  settings: ServiceBusServerSettings,
): Promise<{ app: INestMicroservice; server: ServerServiceBusSessions }> {
  const server = new ServerServiceBusSessions({
    connectionString: fixture.emulator.connectionString,
    sessionIdleTimeoutMs: 300,
    acceptSessionTimeoutMs: 1_000,
    ...settings,
  });
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: false });
  app.useGlobalFilters(new ServiceBusExceptionFilter());
  await app.listen();
  return { app, server };
}

/** A client of the transport on `entityPath`, replying through `replyQueueName`. */
export function clientFor(fixture: TransportFixture, entityPath: string, replyQueueName?: string, replyTimeoutMs?: number) {
  return new ClientServiceBus({
    connectionString: fixture.emulator.connectionString,
    entityPath,
    ...(replyQueueName === undefined ? {} : { replyQueueName }),
    ...(replyTimeoutMs === undefined ? {} : { replyTimeoutMs }),
  });
}

/** What a handler saw. */
export interface Seen {
  readonly subject: string;
  readonly body: unknown;
  readonly sessionId: string;
  readonly deliveryCount: number;
  readonly traceparent?: string;
}

/** Records what handlers see, and lets tests wait for it (event-driven, no polling). */
export class Probe {
  readonly seen: Seen[] = [];
  private waiters: { predicate: (s: Seen) => boolean; resolve: (s: Seen) => void }[] = [];

  record(body: unknown, ctx: ServiceBusContext): void {
    const message: ServiceBusReceivedMessage = ctx.getMessage();
    const seen: Seen = {
      subject: ctx.getSubject(),
      body,
      sessionId: ctx.getSessionId(),
      deliveryCount: message.deliveryCount ?? -1,
      ...(ctx.getTraceContext() ? { traceparent: ctx.getTraceContext()?.traceparent } : {}),
    };
    this.seen.push(seen);
    this.waiters = this.waiters.filter((w) => (w.predicate(seen) ? (w.resolve(seen), false) : true));
  }

  /** Resolves with the first record (past or future) matching `predicate`. */
  when(predicate: (s: Seen) => boolean): Promise<Seen> {
    const found = this.seen.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }
}

/** Receives `count` messages from a dead-letter queue (waiting for them) and completes them. */
export async function deadLetters(sdk: ServiceBusClient, queue: string, count: number): Promise<ServiceBusReceivedMessage[]> {
  const receiver = sdk.createReceiver(queue, { subQueueType: 'deadLetter' });
  const received: ServiceBusReceivedMessage[] = [];
  try {
    while (received.length < count) {
      const batch = await receiver.receiveMessages(count - received.length, { maxWaitTimeInMs: 10_000 });
      if (batch.length === 0) throw new Error(`expected ${count} dead letters in ${queue}, got ${received.length}`);
      for (const message of batch) await receiver.completeMessage(message);
      received.push(...batch);
    }
    return received;
  } finally {
    await receiver.close();
  }
}
