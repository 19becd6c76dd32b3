import { context, propagation, SpanKind, SpanStatusCode, trace, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, MeterProvider, MetricReader, type SumMetricData } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { metrics } from '@opentelemetry/api';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { ClientServiceBus, ServiceBusContext, ServiceBusOperationPublisher, ServiceBusRecord } from '../src';
import { clientFor, Probe, sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(15_000);

/** Collects on demand (`collect()`), for asserting on counters. */
class CollectingReader extends MetricReader {
  protected onForceFlush = async () => undefined;
  protected onShutdown = async () => undefined;
}

const probe = new Probe();
const handlerSpans = new Map<string, SpanContext | undefined>();
const handlerBaggage = new Map<string, string | undefined>();

@Controller()
class TracedController {
  @EventPattern('traced.event')
  event(@Payload() body: { id: string }, @Ctx() ctx: ServiceBusContext) {
    handlerSpans.set(body.id, trace.getActiveSpan()?.spanContext());
    handlerBaggage.set(body.id, propagation.getBaggage(context.active())?.getEntry('x-ms-correlation-request-id')?.value);
    probe.record(body, ctx);
  }

  @EventPattern('operation.requested')
  operation(@Payload() body: { operationId: string }, @Ctx() ctx: ServiceBusContext) {
    handlerSpans.set(body.operationId, trace.getActiveSpan()?.spanContext());
    probe.record({ id: body.operationId }, ctx);
  }

  @MessagePattern('traced.request')
  request() {
    return { handledIn: trace.getActiveSpan()?.spanContext().traceId };
  }

  @EventPattern('poison')
  async poison(@Payload() body: { id: string }, @Ctx() ctx: ServiceBusContext) {
    await ctx.deadLetter('PoisonForTest', 'refused by the test');
    probe.record(body, ctx);
  }
}

@Module({ controllers: [TracedController] })
class TracedModule {}

const fixture = useEmulator(sessionQueues({ events: {}, replies: {}, operations: {} }));

describe('trace propagation through Service Bus (emulator)', () => {
  const exporter = new InMemorySpanExporter();
  const reader = new CollectingReader({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  const tracer = () => trace.getTracer('spec');
  let events: INestMicroservice;
  let operations: INestMicroservice;
  let client: ClientServiceBus;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
    ({ app: events } = await startMicroservice(fixture, TracedModule, { entity: { queueName: 'events' } }));
    ({ app: operations } = await startMicroservice(fixture, TracedModule, { entity: { queueName: 'operations' } }));
    client = clientFor(fixture, 'events', 'replies');
  });
  afterAll(async () => {
    await client?.close();
    await events?.close();
    await operations?.close();
    trace.disable();
    context.disable();
    metrics.disable();
  });

  const spansNamed = (name: string) => exporter.getFinishedSpans().filter((s) => s.name === name);
  // A process span ends after the handler returned and the message was settled.
  const finishedSpan = async (predicate: (span: ReadableSpan) => boolean): Promise<ReadableSpan> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = exporter.getFinishedSpans().find(predicate);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('no such span finished within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
  const inRootSpan = <T>(work: () => Promise<T>) =>
    tracer().startActiveSpan('root', async (span) => {
      try {
        return { result: await work(), root: span.spanContext() };
      } finally {
        span.end();
      }
    });

  it('an event: root → send span → the message → process span, active in the handler, all one trace', async () => {
    const { root } = await inRootSpan(() => lastValueFrom(client.emit('traced.event', new ServiceBusRecord({ id: 'e1' }, { sessionId: 's1' })), { defaultValue: undefined }));
    const seen = await probe.when((s) => (s.body as { id: string }).id === 'e1');

    const send = spansNamed('send events').find((s) => s.spanContext().traceId === root.traceId)!;
    const process = await finishedSpan((s) => s.name === 'process events' && s.spanContext().traceId === root.traceId);
    expect(send.kind).toBe(SpanKind.PRODUCER);
    expect(parentOf(send)).toBe(root.spanId);
    expect(seen.traceparent).toBe(`00-${root.traceId}-${send.spanContext().spanId}-01`);
    expect(process.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(process)).toBe(send.spanContext().spanId);
    expect(process.attributes).toMatchObject({ 'messaging.system': 'servicebus', 'messaging.destination.name': 'events', 'messaging.servicebus.session.id': 's1' });
    expect(handlerSpans.get('e1')).toEqual(process.spanContext());
  });

  it('writes the traceparent as the Azure SDK Diagnostic-Id too', async () => {
    const receiver = fixture.sdk.acceptSession('events', 's-raw');
    const { root } = await inRootSpan(async () => {
      const sender = fixture.sdk.createSender('events');
      await new ServiceBusOperationPublisher(sender).publish({ operationId: 'op-raw', subscriptionId: 's-raw' });
      await sender.close();
    });
    const session = await receiver;
    const [message] = await session.receiveMessages(1, { maxWaitTimeInMs: 10_000 });
    await session.completeMessage(message);
    await session.close();
    expect(message.applicationProperties?.['traceparent']).toMatch(new RegExp(`^00-${root.traceId}-[0-9a-f]{16}-01$`));
    expect(message.applicationProperties?.['Diagnostic-Id']).toBe(message.applicationProperties?.['traceparent']);
  });

  it('the operation publisher (gateway, sweeper) starts the trace the router continues', async () => {
    const publisher = ServiceBusOperationPublisher.create(fixture.sdk, 'operations');
    const { root } = await inRootSpan(() => publisher.publish({ operationId: 'op-1', subscriptionId: 'sub-op' }));
    await publisher.close();
    await probe.when((s) => (s.body as { id: string }).id === 'op-1');
    expect(handlerSpans.get('op-1')?.traceId).toBe(root.traceId);
  });

  it('request and reply: the worker handles it in the requester trace and its reply is a child of its process span', async () => {
    const { result, root } = await inRootSpan(() =>
      firstValueFrom(client.send<{ handledIn: string }>('traced.request', new ServiceBusRecord({}, { sessionId: 's2' }))),
    );
    expect(result.handledIn).toBe(root.traceId);
    const process = await finishedSpan((s) => s.name === 'process events' && s.spanContext().traceId === root.traceId);
    const reply = await finishedSpan((s) => s.name === 'send replies' && s.spanContext().traceId === root.traceId);
    expect(parentOf(reply)).toBe(process.spanContext().spanId);
  });

  it('carries the baggage (ARM correlation id) with the message into the handler', async () => {
    const baggage = propagation.createBaggage({ 'x-ms-correlation-request-id': { value: 'corr-42' } });
    await context.with(propagation.setBaggage(context.active(), baggage), () =>
      inRootSpan(() => lastValueFrom(client.emit('traced.event', new ServiceBusRecord({ id: 'b1' }, { sessionId: 's5' })), { defaultValue: undefined })),
    );
    const seen = await probe.when((s) => (s.body as { id: string }).id === 'b1');
    expect(seen.traceparent).toBeDefined();
    expect(handlerBaggage.get('b1')).toBe('corr-42');
    expect(handlerBaggage.get('e1')).toBeUndefined();
  });

  it('a message without trace context starts a new trace', async () => {
    const sender = fixture.sdk.createSender('events');
    await sender.sendMessages({ body: { id: 'bare' }, subject: 'traced.event', sessionId: 's3' });
    await sender.close();
    await probe.when((s) => (s.body as { id: string }).id === 'bare');
    const span = handlerSpans.get('bare')!;
    const process = await finishedSpan((s) => s.spanContext().spanId === span.spanId);
    expect(process.parentSpanContext).toBeUndefined();
  });

  it('counts a dead-lettered message and marks its process span failed', async () => {
    await lastValueFrom(client.emit('poison', new ServiceBusRecord({ id: 'p1' }, { sessionId: 's4' })), { defaultValue: undefined });
    await probe.when((s) => (s.body as { id: string }).id === 'p1');
    const failed = await finishedSpan((s) => s.name === 'process events' && s.status.code === SpanStatusCode.ERROR);
    const { resourceMetrics } = await reader.collect();
    const counter = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === 'iomt.messages.dead_lettered') as SumMetricData;
    expect(counter.descriptor.unit).toBe('{message}');
    expect(counter.dataPoints).toEqual([
      expect.objectContaining({ value: 1, attributes: { 'messaging.servicebus.message.subject': 'poison', 'messaging.servicebus.dead_letter.reason': 'PoisonForTest' } }),
    ]);
    expect(failed.status.message).toBe('dead-lettered: PoisonForTest');
  });
});
