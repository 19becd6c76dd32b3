import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as an OTLP/HTTP JSON exporter sent it, flattened. */
export interface ReceivedSpan {
  /** `service.name` of the span's resource. */
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  /** Empty or absent for a root span. */
  readonly parentSpanId?: string;
  readonly name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A tiny OTLP/HTTP JSON receiver (`POST /v1/traces`, `POST /v1/metrics`) keeping what it gets in memory. */
export interface OtlpReceiver {
  /** Base URL for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly url: string;
  /** Every span received so far. */
  readonly spans: readonly ReceivedSpan[];
  /** How many metric export requests arrived. */
  readonly metricExports: number;
  /** Resolves once `condition` holds on the spans received, polling every 50 ms, or rejects after `timeoutMs`. */
  waitFor(condition: (spans: readonly ReceivedSpan[]) => boolean, timeoutMs?: number): Promise<readonly ReceivedSpan[]>;
  close(): Promise<void>;
}

/** OTLP JSON value: one of the typed fields. */
type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type KeyValue = { key: string; value: AnyValue };
type TracesRequest = {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { spans?: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: KeyValue[] })[] }[];
  }[];
};

/** Starts an {@link OtlpReceiver} on 127.0.0.1, on a port the OS chooses. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  let metricExports = 0;
  const server: Server = createServer((req, res) => {
    void readJson(req).then(
      (body) => {
        if (req.method === 'POST' && req.url === '/v1/traces') spans.push(...flatten(body as TracesRequest));
        else if (req.method === 'POST' && req.url === '/v1/metrics') metricExports += 1;
        else return answer(res, 404, { error: 'not an OTLP path' });
        answer(res, 200, {});
      },
      () => answer(res, 400, { error: 'body is not JSON' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    get metricExports() {
      return metricExports;
    },
    waitFor: (condition, timeoutMs = 20_000) => pollUntil(() => condition(spans), timeoutMs).then(() => spans),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function flatten(body: TracesRequest): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '');
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({ ...span, service, attributes: attributesOf(span.attributes) })),
    );
  });
}

function attributesOf(list: KeyValue[] | undefined): Record<string, unknown> {
  const values = (list ?? []).map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue]);
  return Object.fromEntries(values);
}

async function pollUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`OTLP receiver: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function answer(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
