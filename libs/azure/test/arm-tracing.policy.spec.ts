import type { PipelineRequest } from '@azure/core-rest-pipeline';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ARM_TRACING_POLICY_NAME } from '../src/lib/client/arm-tracing.policy';
import { type AzureFixture, deployConnector, startAzureFixture } from './support/fake-arm.fixture';
import { INFRASTRUCTURE_SUBSCRIPTION_ID } from '../src/lib/test-support/samples';

describe('ARM client spans (fake ARM)', () => {
  const exporter = new InMemorySpanExporter();
  let fixture: AzureFixture;
  let sentTraceparents: string[];

  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });
  beforeEach(async () => {
    exporter.reset();
    fixture = await startAzureFixture();
    sentTraceparents = [];
    // Sees each request as it leaves, after our policy wrote its headers.
    fixture.clients.resources(INFRASTRUCTURE_SUBSCRIPTION_ID).pipeline.addPolicy(
      {
        name: 'capture',
        sendRequest: (request: PipelineRequest, next) => {
          sentTraceparents.push(request.headers.get('traceparent') ?? '');
          return next(request);
        },
      },
      { afterPolicies: [ARM_TRACING_POLICY_NAME] },
    );
  });
  afterEach(() => fixture.stop());

  const inCommandSpan = <T>(work: () => Promise<T>) =>
    trace.getTracer('spec').startActiveSpan('command', async (span) => {
      try {
        await work();
        return span.spanContext();
      } finally {
        span.end();
      }
    });

  it('sends each ARM call (deployment PUT, LRO polls) as a client span of the command, in traceparent', async () => {
    const command = await inCommandSpan(() => deployConnector(fixture));
    const clientSpans = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(clientSpans.length).toBeGreaterThanOrEqual(2);
    expect(sentTraceparents.length).toBeGreaterThanOrEqual(clientSpans.length);
    for (const span of clientSpans) {
      expect(span.spanContext().traceId).toBe(command.traceId);
      expect(span.parentSpanContext?.spanId).toBe(command.spanId);
      expect(sentTraceparents).toContain(`00-${command.traceId}-${span.spanContext().spanId}-01`);
    }
    const put = clientSpans.find((s) => /^PUT \/subscriptions\/.*\/deployments\/[^/]+$/i.test(s.name))!;
    expect(put.attributes['http.request.method']).toBe('PUT');
    expect(put.attributes).toMatchObject({ 'server.address': '127.0.0.1', 'http.response.status_code': expect.any(Number) });
    expect(String(put.attributes['url.full'])).not.toContain('?');
  });

  it('records each throttled attempt as a failed client span and the retry as another one', async () => {
    fixture.fakeArm.setFaults({ throttleNext: 1, retryAfterSeconds: 0 });
    await inCommandSpan(() => deployConnector(fixture));
    const throttled = exporter.getFinishedSpans().filter((s) => s.attributes['http.response.status_code'] === 429);
    expect(throttled).toHaveLength(1);
    expect(throttled[0].status).toEqual({ code: SpanStatusCode.ERROR, message: '429' });
  });
});
