import { Logger } from '@nestjs/common';
import { RemoteOperationError } from '@iomt/contracts';
import { OperationType, type OperationDocument } from '@iomt/domain';
import { context, metrics, ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, MeterProvider, MetricReader, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { processorWorld as world } from '../testing/processor-world';
import { SUBSCRIPTION } from '../testing/samples';

class CollectingReader extends MetricReader {
  protected onForceFlush = async () => undefined;
  protected onShutdown = async () => undefined;
}

const ROOT = '4bf92f3577b34da6a3ce929d0e0e4736';
const ADMISSION = '00f067aa0ba902b7';
const admitted = (operation: OperationDocument): OperationDocument => ({ ...operation, loggingRootId: ROOT, loggingParentId: ADMISSION });

describe('operation telemetry (router)', () => {
  let exporter: InMemorySpanExporter;
  let reader: CollectingReader;

  beforeAll(() => {
    Logger.overrideLogger(false);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => context.disable());
  beforeEach(() => {
    exporter = new InMemorySpanExporter();
    reader = new CollectingReader({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  });
  afterEach(() => {
    trace.disable();
    metrics.disable();
  });

  const points = async (name: string) => {
    const { resourceMetrics } = await reader.collect();
    const metric = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
    return (metric?.dataPoints ?? []) as DataPoint<number | Histogram>[];
  };

  it('handles a redelivered operation (no live context) in a span continuing its admission span', async () => {
    const w = world([{ ok: true }]);
    const operation = w.operations.seed(admitted(w.ops.connector(OperationType.Provision)));
    await context.with(ROOT_CONTEXT, () => w.run(operation));
    const [span] = exporter.getFinishedSpans().filter((s) => s.name === 'operation Provision');
    expect(span.spanContext().traceId).toBe(ROOT);
    expect(span.parentSpanContext?.spanId).toBe(ADMISSION);
    expect(span.attributes).toEqual({
      'iomt.operation.id': operation.id,
      'iomt.subscription.id': SUBSCRIPTION,
      'iomt.operation.type': 'Provision',
      'iomt.operation.attempt': 1,
      'iomt.operation.result': 'completed',
    });
  });

  it('stays a child of the message span when the message carried the operation trace', async () => {
    const w = world([{ ok: true }]);
    const operation = w.operations.seed(admitted(w.ops.connector(OperationType.Provision)));
    const consumer = { traceId: ROOT, spanId: 'cccccccccccccccc', traceFlags: TraceFlags.SAMPLED, isRemote: true };
    await context.with(trace.setSpanContext(ROOT_CONTEXT, consumer), () => w.run(operation));
    const [span] = exporter.getFinishedSpans();
    expect(span.parentSpanContext?.spanId).toBe('cccccccccccccccc');
  });

  it('counts started and completed operations by type, with the time queued and the duration', async () => {
    const w = world([{ ok: true }]);
    await w.run(w.operations.seed(w.ops.connector(OperationType.Provision)));
    const attributes = { 'iomt.operation.type': 'Provision', 'iomt.resource.type': 'IoMTConnectors' };
    expect(await points('iomt.operations.started')).toEqual([expect.objectContaining({ value: 1, attributes })]);
    expect(await points('iomt.operations.completed')).toEqual([expect.objectContaining({ value: 1, attributes })]);
    expect(await points('iomt.operations.failed')).toEqual([]);
    // The fixed clock says 5 minutes after the enqueue time.
    expect(await points('iomt.operation.queued.duration')).toEqual([expect.objectContaining({ value: expect.objectContaining({ count: 1, sum: 300 }) })]);
    expect(await points('iomt.operation.duration')).toEqual([
      expect.objectContaining({ attributes: { ...attributes, 'iomt.operation.status': 'Completed' }, value: expect.objectContaining({ sum: 300 }) }),
    ]);
  });

  it('counts a failed operation once, after its retries, and marks nothing failed on the span (the outcome is data)', async () => {
    const retryable = () => new RemoteOperationError({ code: 'DeploymentFailed', message: 'busy', retryable: true });
    const w = world([{ error: retryable() }, { error: retryable() }], 2);
    await w.run(w.operations.seed(w.ops.fhir(OperationType.Provision)));
    const attributes = { 'iomt.operation.type': 'Provision', 'iomt.resource.type': 'services' };
    expect(await points('iomt.operations.started')).toEqual([expect.objectContaining({ value: 1, attributes })]);
    expect(await points('iomt.operations.failed')).toEqual([expect.objectContaining({ value: 1, attributes })]);
    expect(await points('iomt.operations.completed')).toEqual([]);
    const [span] = exporter.getFinishedSpans();
    expect(span.attributes).toMatchObject({ 'iomt.operation.attempt': 2, 'iomt.operation.result': 'failed' });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });
});
