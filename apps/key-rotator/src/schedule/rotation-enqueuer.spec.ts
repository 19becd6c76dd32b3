import { FixedClock, isPendingRotationOf, type OperationDocument } from '@iomt/domain';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { InMemoryStore } from '../testing/in-memory-store';
import { NOW, sampleConnector, sampleSecret, SUBSCRIPTION_ID } from '../testing/samples';
import { RotationEnqueuer } from './rotation-enqueuer';

function setup() {
  const store = new InMemoryStore();
  const enqueuer = new RotationEnqueuer({ registry: store.registry(), operations: store, publisher: store, clock: new FixedClock(NOW) });
  const connector = store.put(sampleConnector('traced0000000000000000', SUBSCRIPTION_ID, 'Traced'));
  const secret = store.put(sampleSecret(connector, new Date(NOW.getTime() - 40 * 24 * 3600_000)));
  const rotation = () =>
    [...store.documents.values()].find((d): d is OperationDocument => d.type === 'provisioningrequest' && isPendingRotationOf(d, connector.id));
  return { enqueuer, secret, rotation };
}

describe('RotationEnqueuer telemetry', () => {
  const exporter = new InMemorySpanExporter();

  afterEach(() => {
    trace.disable();
    context.disable();
  });

  it('starts the trace of a scheduled rotation and stores its ids on the operation', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    const { enqueuer, secret, rotation } = setup();
    await expect(enqueuer.enqueue(secret)).resolves.toBe('enqueued');
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('enqueue RotateKeys');
    expect(span.parentSpanContext).toBeUndefined();
    expect(rotation()).toMatchObject({ loggingRootId: span.spanContext().traceId, loggingParentId: span.spanContext().spanId });
    expect(span.attributes).toMatchObject({ 'iomt.operation.id': rotation()?.id, 'iomt.subscription.id': SUBSCRIPTION_ID });
  });

  it('stores no trace ids when telemetry is off', async () => {
    const { enqueuer, secret, rotation } = setup();
    await expect(enqueuer.enqueue(secret)).resolves.toBe('enqueued');
    expect(rotation()?.loggingRootId).toBeUndefined();
  });
});
