import { context, metrics, propagation, SpanKind, SpanStatusCode, trace, type Context, type Histogram, type Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
} from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithLogFields } from './log-fields';
import { SERVICE_TRACER_NAME } from './operation-span';
import { CORRELATION_BAGGAGE_KEY, SECONDS_BUCKETS, TelemetryAttribute, type OperationLogFields } from './telemetry.attributes';

/** An Express-style middleware. */
export type HttpMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const SUBSCRIPTION_IN_PATH = /^\/subscriptions\/([^/?#]+)/i;

/**
 * One SERVER span per request (continuing the caller's `traceparent`, e.g. ARM's), active while
 * the request is handled, with method, route, status, ARM's client and correlation request ids and
 * the subscription id as attributes (the ids also go on the request's log lines), and the
 * `http.server.request.duration` histogram. Paths in `ignoredPaths` (probes, scrapes) are left alone.
 */
export function createHttpServerSpanMiddleware(ignoredPaths: readonly string[]): HttpMiddleware {
  const tracer = trace.getTracer(SERVICE_TRACER_NAME);
  const duration = metrics.getMeter(SERVICE_TRACER_NAME).createHistogram(METRIC_HTTP_SERVER_REQUEST_DURATION, {
    unit: 's',
    description: 'Duration of HTTP server requests.',
    advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
  });
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (ignoredPaths.includes(path)) return next();
    const fields = requestFields(req, path);
    const method = req.method ?? 'GET';
    const parent = withCorrelationBaggage(propagation.extract(context.active(), req.headers), fields.correlationRequestId);
    const span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: requestAttributes(method, path, fields) }, parent);
    const started = performance.now();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      endRequest({ req, res, span, method, duration, elapsedMs: performance.now() - started });
    };
    // finish: the response is written; close alone: the client went away first.
    res.once('finish', end).once('close', end);
    context.with(trace.setSpan(parent, span), () => runWithLogFields(fields, next));
  };
}

interface FinishedRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly span: Span;
  readonly method: string;
  readonly duration: Histogram;
  readonly elapsedMs: number;
}

function endRequest({ req, res, span, method, duration, elapsedMs }: FinishedRequest): void {
  const route = routeOf(req);
  const status = res.statusCode;
  if (route !== undefined) {
    span.updateName(`${method} ${route}`);
    span.setAttribute(ATTR_HTTP_ROUTE, route);
  }
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
  duration.record(elapsedMs / 1000, {
    [ATTR_HTTP_REQUEST_METHOD]: method,
    [ATTR_HTTP_RESPONSE_STATUS_CODE]: status,
    ...(route !== undefined ? { [ATTR_HTTP_ROUTE]: route } : {}),
  });
}

/**
 * The route template Express matched, or `undefined` for none (low cardinality either way). Nest
 * mounts middleware on `/{*path}`: a request that reached no handler has only that one.
 */
function routeOf(req: IncomingMessage): string | undefined {
  const path = (req as IncomingMessage & { route?: { path?: unknown } }).route?.path;
  return typeof path === 'string' && !path.includes('{*') ? path : undefined;
}

/** Puts ARM's correlation id in the baggage, so it travels with the trace to the router and workers. */
function withCorrelationBaggage(parent: Context, correlationRequestId: string | undefined): Context {
  if (correlationRequestId === undefined) return parent;
  const baggage = propagation.getBaggage(parent) ?? propagation.createBaggage();
  return propagation.setBaggage(parent, baggage.setEntry(CORRELATION_BAGGAGE_KEY, { value: correlationRequestId }));
}

function requestFields(req: IncomingMessage, path: string): OperationLogFields {
  return {
    subscriptionId: SUBSCRIPTION_IN_PATH.exec(path)?.[1]?.toLowerCase(),
    clientRequestId: headerOf(req, 'x-ms-client-request-id'),
    correlationRequestId: headerOf(req, 'x-ms-correlation-request-id'),
  };
}

function requestAttributes(method: string, path: string, fields: OperationLogFields) {
  return {
    [ATTR_HTTP_REQUEST_METHOD]: method,
    [ATTR_URL_PATH]: path,
    ...(fields.subscriptionId === undefined ? {} : { [TelemetryAttribute.SubscriptionId]: fields.subscriptionId }),
    ...(fields.clientRequestId === undefined ? {} : { [TelemetryAttribute.ClientRequestId]: fields.clientRequestId }),
    ...(fields.correlationRequestId === undefined ? {} : { [TelemetryAttribute.CorrelationRequestId]: fields.correlationRequestId }),
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  // Ids only: bound the length so a caller cannot bloat every span and log line.
  return first === undefined || first.length === 0 ? undefined : first.slice(0, 128);
}
