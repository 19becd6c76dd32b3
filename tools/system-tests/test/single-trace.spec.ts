import { randomUUID } from 'node:crypto';
import { startLocalSystem, type LocalSystem, type ServiceName } from '@iomt/launcher';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@iomt/service-kit/testing';
import { waitUntil } from './support/wait-until';

// ARM's request carries its own trace: the whole operation must continue it.
const ARM_TRACE_ID = randomUUID().replaceAll('-', '');
const ARM_SPAN_ID = randomUUID().replaceAll('-', '').slice(0, 16);
const SERVER = 2;
const CLIENT = 3;
const API_VERSION = '2023-11-01';


/** The span's ancestors up to the root of what was received, nearest first. */
function ancestry(span: ReceivedSpan, byId: ReadonlyMap<string, ReceivedSpan>): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent !== undefined; parent = byId.get(parent.parentSpanId ?? '')) {
    chain.push(parent);
  }
  return chain;
}

describe('one operation, one trace (five processes exporting OTLP)', () => {
  let receiver: OtlpReceiver;
  let system: LocalSystem;
  const logLines: { source: string; line: string }[] = [];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    system = await startLocalSystem({
      replicas: { 'key-rotator': 0 },
      log: (source, line) => logLines.push({ source, line }),
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
    });
  });
  afterAll(async () => {
    await system?.stop();
    await receiver?.close();
  });

  it('carries a FHIR service create from the gateway through the router and the provisioner to ARM in one connected trace', async () => {
    const path = `/subscriptions/${randomUUID()}/resourceGroups/rg-trace/providers/Microsoft.HealthcareApis/services/fhir-trace`;
    const put = await fetch(`${system.gatewayUrl}${path}?api-version=${API_VERSION}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${ARM_TRACE_ID}-${ARM_SPAN_ID}-01`,
        'x-ms-correlation-request-id': 'corr-single-trace',
      },
      body: JSON.stringify({ location: 'westus2', kind: 'fhir-R4' }),
    });
    expect(put.status).toBe(201);
    const state = await waitUntil('the FHIR service to reach a terminal provisioningState', async () => {
      const body = (await (await fetch(`${system.gatewayUrl}${path}?api-version=${API_VERSION}`)).json()) as { properties: { provisioningState: string } };
      return ['Succeeded', 'Failed', 'Canceled'].includes(body.properties.provisioningState) ? body.properties.provisioningState : undefined;
    });
    expect(state).toBe('Succeeded');

    // Spans arrive in batches from five processes: wait until the ARM calls' chains are whole.
    const inTrace = () => receiver.spans.filter((s) => s.traceId === ARM_TRACE_ID);
    await receiver.waitFor(() => {
      const spans = inTrace();
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      const armCalls = spans.filter((s) => s.kind === CLIENT && s.service === 'fhir-provisioner');
      return armCalls.length > 0 && armCalls.every((call) => ancestry(call, byId).some((s) => s.kind === SERVER && s.service === 'gateway'));
    }, 60_000);

    const spans = inTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const server = spans.find((s) => s.kind === SERVER && s.service === 'gateway' && s.name.startsWith('PUT '))!;
    expect(server.parentSpanId).toBe(ARM_SPAN_ID);
    expect(server.attributes).toMatchObject({ 'http.response.status_code': 201, 'http.request.header.x-ms-correlation-request-id': 'corr-single-trace' });
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['gateway', 'operation-router', 'fhir-provisioner']));

    const armCall = spans.find((s) => s.kind === CLIENT && s.service === 'fhir-provisioner' && /\/deployments\//i.test(s.name))!;
    const chain = ancestry(armCall, byId);
    expect(chain[chain.length - 1]).toBe(server);
    expect(chain.map((s) => `${s.service}: ${s.name}`)).toEqual([
      expect.stringMatching(/^fhir-provisioner: command /),
      'fhir-provisioner: process fhir-commands',
      'operation-router: send fhir-commands',
      'operation-router: operation Provision',
      'operation-router: process operations',
      'gateway: send operations',
      expect.stringMatching(/^gateway: PUT \/subscriptions/),
    ]);
    // Everything done for the operation, in any service, is in this trace.
    const operationId = chain[0].attributes['iomt.operation.id'];
    const aboutOperation = receiver.spans.filter((s) => s.attributes['iomt.operation.id'] === operationId);
    expect(new Set(aboutOperation.map((s) => s.traceId))).toEqual(new Set([ARM_TRACE_ID]));

    // And the router's log lines about it can be joined to the trace (a worker logs only failures).
    const logsOf = (source: string) =>
      logLines
        .filter((l) => l.source.startsWith(source) && l.line.includes(String(operationId)))
        .map((l) => JSON.parse(l.line) as Record<string, unknown>);
    const routerLines = logsOf('operation-router').filter((l) => l['operationId'] === operationId);
    expect(routerLines.length).toBeGreaterThan(0);
    expect(routerLines.every((l) => l['trace_id'] === ARM_TRACE_ID && typeof l['subscriptionId'] === 'string')).toBe(true);
    // ARM's correlation id travels as W3C baggage (the operation document has no field for it).
    expect(routerLines.every((l) => l['correlationRequestId'] === 'corr-single-trace')).toBe(true);
    expect(chain[0].attributes['http.request.header.x-ms-correlation-request-id']).toBe('corr-single-trace');
  });

  it('exposes the metrics of every service for Prometheus on its own port, the operation counted by type', async () => {
    const scrape = async (name: ServiceName) => {
      const response = await fetch(`${system.services.instance(name, 0).url}/metrics`);
      expect(response.status).toBe(200);
      return response.text();
    };
    const router = await scrape('operation-router');
    expect(router).toMatch(/^iomt_operations_started_total\{[^}]*iomt_operation_type="Provision"[^}]*\} 1$/m);
    expect(router).toMatch(/^iomt_operations_completed_total\{[^}]*iomt_operation_type="Provision"[^}]*\} 1$/m);
    expect(router).toMatch(/^iomt_operation_duration_count\{[^}]*\} 1$/m);
    expect(router).toMatch(/^iomt_operation_queued_duration_count\{[^}]*\} 1$/m);
    expect(await scrape('gateway')).toMatch(/^http_server_request_duration_count\{[^}]*http_request_method="PUT"[^}]*http_response_status_code="201"[^}]*\} 1$/m);
    expect(await scrape('fhir-provisioner')).toMatch(/^target_info\{[^}]*service_name="fhir-provisioner"/m);
  });
});
