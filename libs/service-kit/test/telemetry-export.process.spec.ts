import { startOtlpReceiver, type OtlpReceiver } from '../src/testing/otlp-receiver';
import { ServiceProcess } from '../src/testing/service-process';

// A real process: the OTLP exporters load their HTTP transport with a dynamic import(), which
// Jest's module sandbox refuses.
const FIXTURE_MAIN = 'libs/service-kit/test/fixtures/fixture.main.ts';
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const listening = (line: { msg?: string }) => /^fixture listening on http/.test(line.msg ?? '');

describe('OTLP export (real process)', () => {
  let receiver: OtlpReceiver;
  let service: ServiceProcess | undefined;

  beforeEach(async () => {
    receiver = await startOtlpReceiver();
  });
  afterEach(async () => {
    await service?.stop();
    await receiver.close();
  });

  it('sends spans and metrics as OTLP/HTTP JSON to OTEL_EXPORTER_OTLP_ENDPOINT, the last batch on SIGTERM', async () => {
    service = new ServiceProcess(FIXTURE_MAIN, {
      PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'renamed',
      // Nothing leaves before shutdown unless shutdown flushes.
      OTEL_BSP_SCHEDULE_DELAY: '3600000',
      OTEL_METRIC_EXPORT_INTERVAL: '3600000',
    });
    const { url } = await service.waitForLine(listening);
    const response = await fetch(`${String(url)}/echo`, { headers: { traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01` } });
    expect(response.status).toBe(200);
    expect(receiver.spans).toEqual([]);

    service.kill('SIGTERM');

    await expect(service.exited).resolves.toEqual({ code: 0, signal: null });
    expect(receiver.spans).toEqual([
      expect.objectContaining({ service: 'renamed', traceId: TRACE_ID, parentSpanId: 'b7ad6b7169203331', name: 'GET /echo', kind: 2 }),
    ]);
    expect(receiver.metricExports).toBe(1);
  }, 30_000);
});
