import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { currentLogFields, telemetryLogMixin } from './log-fields';
import { inOperationSpan } from './operation-span';

describe('inOperationSpan', () => {
  const exporter = new InMemorySpanExporter();
  const contextManager = new AsyncLocalStorageContextManager();

  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  const fields = { operationId: 'op-1', subscriptionId: 'sub-1', correlationRequestId: 'corr-1' };

  it('runs the work in an active span carrying the ids, which its log lines carry too', async () => {
    const seen = await inOperationSpan('handle', { fields, attributes: { 'iomt.operation.attempt': 2 } }, async (span) => {
      await Promise.resolve();
      return { active: trace.getActiveSpan() === span, logs: currentLogFields(), mixin: telemetryLogMixin() };
    });
    const [span] = exporter.getFinishedSpans();
    expect(seen.active).toBe(true);
    expect(seen.logs).toEqual(fields);
    expect(seen.mixin).toMatchObject({ ...fields, trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId, trace_flags: '01' });
    expect(span.attributes).toEqual({
      'iomt.operation.id': 'op-1',
      'iomt.subscription.id': 'sub-1',
      'http.request.header.x-ms-correlation-request-id': 'corr-1',
      'iomt.operation.attempt': 2,
    });
    expect(currentLogFields()).toEqual({});
  });

  it('marks the span failed with the error redacted, ends it, and rethrows', async () => {
    const failure = new Error('denied: SharedAccessKey=abc123secret');
    await expect(inOperationSpan('handle', { fields }, () => Promise.reject(failure))).rejects.toBe(failure);
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Error' });
    expect(JSON.stringify(span.events)).not.toContain('abc123secret');
    expect(span.events[0].attributes).toMatchObject({ 'exception.type': 'Error' });
  });

  it('takes ARM correlation id from the baggage the message carried', async () => {
    const baggage = propagation.createBaggage({ 'x-ms-correlation-request-id': { value: 'corr-9' } });
    const seen = await context.with(propagation.setBaggage(context.active(), baggage), () =>
      inOperationSpan('handle', { fields: { operationId: 'op-2' } }, async () => currentLogFields()),
    );
    expect(seen).toEqual({ operationId: 'op-2', correlationRequestId: 'corr-9' });
    expect(exporter.getFinishedSpans()[0].attributes['http.request.header.x-ms-correlation-request-id']).toBe('corr-9');
  });

  it('nests: the inner span is a child, and the log fields add up', async () => {
    await inOperationSpan('outer', { fields: { operationId: 'op-1' } }, () =>
      inOperationSpan('inner', { fields: { subscriptionId: 'sub-1' } }, async () => expect(currentLogFields()).toEqual({ operationId: 'op-1', subscriptionId: 'sub-1' })),
    );
    const [inner, outer] = exporter.getFinishedSpans();
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
  });
});
