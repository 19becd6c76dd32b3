import { metrics, SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { createService, type RunningService } from '../src/lib/bootstrap/create-service';
import { ConfigValidationError } from '../src/lib/config/config-validation.error';
import { LogCapture } from '../src/testing/log-capture';
import { resetServiceLoggerForTests } from '../src/testing/logger-reset';
import { FIXTURE_SERVICE, type FixtureConfig } from './fixtures/fixture.config';
import { FixtureAppModule } from './fixtures/fixture.module';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const ARM_TRACEPARENT = `00-${TRACE_ID}-b7ad6b7169203331-01`;
const SUBSCRIPTION = '6e2c5a52-2bb1-4d43-a9b2-8f2f62b1e4f1';

describe('service telemetry', () => {
  let service: RunningService<FixtureConfig> | undefined;
  let logs: LogCapture;
  let spans: InMemorySpanExporter;

  beforeEach(() => {
    resetServiceLoggerForTests();
    logs = new LogCapture();
    // A fresh one each time: a provider's shutdown stops its exporter for good.
    spans = new InMemorySpanExporter();
  });
  afterEach(async () => {
    await service?.app.close();
    service = undefined;
  });

  const start = async (env: Record<string, string> = {}) => {
    const options = { ...FIXTURE_SERVICE, env: { PORT: '0', ...env }, logDestination: logs, telemetry: { spanExporter: spans } };
    service = await createService(FixtureAppModule, options);
    return service;
  };

  it('continues the caller traceparent in a server span with the ARM ids, and logs under its trace id', async () => {
    const { url } = await start();
    await request(url)
      .get('/echo')
      .set('traceparent', ARM_TRACEPARENT)
      .set('x-ms-correlation-request-id', 'corr-1')
      .set('x-ms-client-request-id', 'client-1')
      .expect(200);

    const [span] = spans.getFinishedSpans();
    expect(span).toMatchObject({ name: 'GET /echo', kind: SpanKind.SERVER });
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/echo',
      'http.response.status_code': 200,
      'http.request.header.x-ms-correlation-request-id': 'corr-1',
      'http.request.header.x-ms-client-request-id': 'client-1',
    });
    const handled = logs.filter((line) => line.msg === 'echo handled');
    expect(handled).toEqual([
      expect.objectContaining({ trace_id: TRACE_ID, span_id: span.spanContext().spanId, correlationRequestId: 'corr-1' }),
    ]);
  });

  it('starts a new trace without a traceparent, names the subscription, and marks no route when none matched', async () => {
    const { url } = await start();
    await request(url).get(`/subscriptions/${SUBSCRIPTION.toUpperCase()}/nothing-here`).set('traceparent', 'garbage').expect(404);
    const [span] = spans.getFinishedSpans();
    expect(span.name).toBe('GET');
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.attributes).toMatchObject({ 'iomt.subscription.id': SUBSCRIPTION, 'http.response.status_code': 404 });
    expect(span.attributes['http.route']).toBeUndefined();
  });

  it('leaves probes and scrapes out of traces', async () => {
    const { url } = await start();
    await request(url).get('/healthz').expect(200);
    await request(url).get('/metrics').expect(200);
    expect(spans.getFinishedSpans()).toEqual([]);
  });

  it('serves the Prometheus text on /metrics: request durations and the app meters, named with units', async () => {
    const { url } = await start();
    metrics.getMeter('spec').createCounter('iomt.spec.things', { unit: '{thing}' }).add(3, { kind: 'a' });
    await request(url).get('/echo').expect(200);
    const scrape = await request(url).get('/metrics').expect(200);
    expect(scrape.headers['content-type']).toMatch(/^text\/plain/);
    expect(scrape.text).toMatch(/^# TYPE http_server_request_duration histogram\n/m);
    expect(scrape.text).toMatch(/^# UNIT http_server_request_duration s\n/m);
    expect(scrape.text).toMatch(/^http_server_request_duration_count\{[^}]*http_route="\/echo"[^}]*\} 1$/m);
    expect(scrape.text).toMatch(/^http_server_request_duration_bucket\{[^}]*le="0.005"\} [01]$/m);
    expect(scrape.text).toMatch(/^iomt_spec_things_total\{[^}]*kind="a"[^}]*\} 3$/m);
    expect(scrape.text).toMatch(/^target_info\{[^}]*service_name="fixture"/m);
  });

  it('honours OTEL_SDK_DISABLED: no spans, no trace ids in logs, /metrics answers 404', async () => {
    const { url } = await start({ OTEL_SDK_DISABLED: 'true' });
    await request(url).get('/echo').set('traceparent', ARM_TRACEPARENT).expect(200);
    await request(url).get('/metrics').expect(404);
    expect(spans.getFinishedSpans()).toEqual([]);
    expect(logs.filter((line) => line.msg === 'echo handled')[0]).not.toHaveProperty('trace_id');
  });

  it.each([
    ['OTEL_SDK_DISABLED', 'maybe'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'not a url'],
    ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'ftp://collector'],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc'],
    ['OTEL_EXPORTER_OTLP_METRICS_PROTOCOL', 'http/protobuf'],
    ['OTEL_BSP_SCHEDULE_DELAY', '-1'],
  ])('rejects %s=%s before starting, naming it', async (name, value) => {
    const attempt = start({ [name]: value });
    await expect(attempt).rejects.toThrow(ConfigValidationError);
    await expect(attempt).rejects.toMatchObject({ settings: [name] });
  });
});
