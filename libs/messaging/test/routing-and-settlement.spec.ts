import { TransientError, ValidationError } from '@iomt/domain';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { ClientServiceBus, runWithTraceContext, ServiceBusContext, ServiceBusRecord } from '../src';
import { clientFor, deadLetters, Probe, sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

const probe = new Probe();
const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

@Controller()
class DevicesController {
  @EventPattern('device.created')
  created(@Payload() body: unknown, @Ctx() ctx: ServiceBusContext) {
    probe.record(body, ctx);
  }

  @EventPattern('device.deleted')
  deleted(@Payload() body: unknown, @Ctx() ctx: ServiceBusContext) {
    probe.record(body, ctx);
  }

  @EventPattern('flaky')
  async flaky(@Payload() body: unknown, @Ctx() ctx: ServiceBusContext) {
    probe.record(body, ctx);
    if (ctx.getMessage().deliveryCount === 0) throw new TransientError('Cosmos is busy');
  }

  @EventPattern('always.busy')
  async alwaysBusy(@Payload() body: unknown, @Ctx() ctx: ServiceBusContext) {
    probe.record(body, ctx);
    throw new TransientError('still busy');
  }

  @EventPattern('invalid')
  async invalid() {
    throw new ValidationError('name is too long', { target: 'name' });
  }
}

@Module({ controllers: [DevicesController] })
class DevicesModule {}

const fixture = useEmulator(sessionQueues({ devices: { MaxDeliveryCount: 3 } }));

describe('ServerServiceBusSessions on the emulator: routing and settlement', () => {
  let app: INestMicroservice;
  let client: ClientServiceBus;
  const emit = (subject: string, body: unknown, sessionId = 'sub-1') =>
    lastValueFrom(client.emit(subject, new ServiceBusRecord(body, { sessionId })), { defaultValue: undefined });

  beforeAll(async () => {
    ({ app } = await startMicroservice(fixture, DevicesModule, { entity: { queueName: 'devices' } }));
    client = clientFor(fixture, 'devices');
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
  });

  it('routes each message by subject to its handler with the JSON body and session, and completes it', async () => {
    await emit('device.created', { id: 'd1' }, 'sub-a');
    await emit('device.deleted', { id: 'd2' }, 'sub-b');
    const created = await probe.when((s) => s.subject === 'device.created');
    const deleted = await probe.when((s) => s.subject === 'device.deleted');
    expect(created).toMatchObject({ body: { id: 'd1' }, sessionId: 'sub-a', deliveryCount: 0 });
    expect(deleted).toMatchObject({ body: { id: 'd2' }, sessionId: 'sub-b' });
    await waitForEmpty('devices');
  });

  it('carries the W3C trace context from the sender to the handler', async () => {
    await runWithTraceContext({ traceparent: PARENT }, () => emit('device.created', { id: 'traced' }));
    const seen = await probe.when((s) => (s.body as { id: string }).id === 'traced');
    expect(seen.traceparent).toBe(PARENT);
  });

  it('abandons on a retryable error, and the redelivered message succeeds', async () => {
    await emit('flaky', { n: 1 });
    const second = await probe.when((s) => s.subject === 'flaky' && s.deliveryCount === 1);
    expect(second.body).toEqual({ n: 1 });
    await waitForEmpty('devices');
  });

  it('dead-letters a permanent error with its code as reason and its message as description', async () => {
    await emit('invalid', { name: 'x'.repeat(300) });
    const [dead] = await deadLetters(fixture.sdk, 'devices', 1);
    expect(dead.subject).toBe('invalid');
    expect(dead.deadLetterReason).toBe('InvalidRequestContent');
    expect(dead.deadLetterErrorDescription).toBe('name is too long');
  });

  it('dead-letters a message no handler takes', async () => {
    await emit('device.unknown', {});
    const [dead] = await deadLetters(fixture.sdk, 'devices', 1);
    expect(dead.deadLetterReason).toBe('NoHandler');
  });

  it('dead-letters a message without subject as malformed', async () => {
    const sender = fixture.sdk.createSender('devices');
    await sender.sendMessages({ body: { x: 1 }, sessionId: 'sub-1' });
    await sender.close();
    const [dead] = await deadLetters(fixture.sdk, 'devices', 1);
    expect(dead.deadLetterReason).toBe('MalformedMessage');
  });

  it('keeps abandoning a message that always fails until the broker dead-letters it (MaxDeliveryCount)', async () => {
    await emit('always.busy', { n: 2 });
    const [dead] = await deadLetters(fixture.sdk, 'devices', 1);
    expect(dead.deadLetterReason).toBe('MaxDeliveryCountExceeded');
    expect(probe.seen.filter((s) => s.subject === 'always.busy').map((s) => s.deliveryCount)).toEqual([0, 1, 2]);
  });
});

/** Bounded poll of the emulator's counts: settlement has no event the test could await. */
async function waitForEmpty(queue: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const counts = fixture.emulator.counts(queue);
    if (counts.active + counts.locked === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${queue} did not empty`);
}
