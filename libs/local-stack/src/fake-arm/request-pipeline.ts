import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { ArmError } from './arm-error';
import type { CallLog } from './call-log';
import type { FaultInjector } from './faults';
import { type ArmResponse, errorResponse, parseJsonBody, readBody, writeResponse } from './http-io';
import type { ArmRouter } from './router';

/** What the pipeline dispatches to. */
export interface PipelineParts {
  readonly arm: ArmRouter;
  readonly control: ArmRouter;
  readonly faults: FaultInjector;
  readonly calls: CallLog;
}

interface Incoming {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly baseUrl: string;
  readonly body: unknown;
}

/**
 * The HTTP listener: control routes under `/_fake/` go straight to their handlers; ARM routes
 * get the api-version check, then faults (latency, 429, 500), then their handler, and are logged.
 * Every path ends in a response, errors included (an ARM error body, never a hang).
 */
export function createRequestListener(parts: PipelineParts): RequestListener {
  return (req, res) => {
    handle(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent) writeResponse(res, req.method ?? 'GET', errorResponse(error));
      else res.destroy();
    });
  };
}

async function handle(parts: PipelineParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  // `/{resourceId}` paths arrive as `//subscriptions/...`, which URL would read as a host.
  const url = new URL(`http://fake-arm.invalid${(req.url ?? '/').replace(/^\/+/, '/')}`);
  let body: unknown;
  try {
    body = parseJsonBody(await readBody(req));
  } catch (error) {
    return writeResponse(res, method, errorResponse(error));
  }
  const incoming: Incoming = {
    method,
    path: decodePath(url.pathname),
    query: url.searchParams,
    baseUrl: `http://${req.headers.host ?? 'localhost'}`,
    body,
  };
  const response = url.pathname.toLowerCase().startsWith('/_fake/')
    ? dispatch(parts.control, incoming)
    : await armCall(parts, incoming);
  writeResponse(res, method, response);
}

async function armCall(parts: PipelineParts, incoming: Incoming): Promise<ArmResponse> {
  const { method, path } = incoming;
  const matched = parts.arm.match(method, path);
  if (!matched || !('route' in matched))
    return logged(parts, incoming, '(unmatched)', dispatch(parts.arm, incoming), 0);
  if (!incoming.query.get('api-version')) {
    const missing = new ArmError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
    return logged(parts, incoming, matched.label, errorResponse(missing), 0);
  }
  const decision = parts.faults.decide(method, path);
  if (decision.latencyMs > 0) await delay(decision.latencyMs);
  const response =
    decision.fault === 'throttled'
      ? throttled(parts.faults.settings.retryAfterSeconds)
      : decision.fault === 'failed'
        ? errorResponse(
            new ArmError(
              500,
              'InternalServerError',
              'Encountered internal server error (a fault the fake ARM injected on request).',
            ),
          )
        : dispatch(parts.arm, incoming);
  return logged(parts, incoming, matched.label, response, decision.latencyMs, decision.fault);
}

function logged(
  parts: PipelineParts,
  incoming: Incoming,
  route: string,
  response: ArmResponse,
  latencyMs: number,
  fault?: 'throttled' | 'failed',
): ArmResponse {
  parts.calls.record({
    method: incoming.method,
    path: incoming.path,
    route,
    status: response.status,
    latencyMs,
    ...(fault ? { fault } : {}),
  });
  return response;
}

function dispatch(router: ArmRouter, incoming: Incoming): ArmResponse {
  const matched = router.match(incoming.method, incoming.path);
  if (!matched)
    return errorResponse(
      new ArmError(404, 'NotFound', `The fake ARM has no route for ${incoming.method} ${incoming.path}.`),
    );
  if (!('route' in matched)) {
    const allow = matched.methods.join(', ');
    return errorResponse(
      new ArmError(405, 'MethodNotAllowed', `${incoming.method} is not allowed on ${incoming.path}; use ${allow}.`, {
        allow,
      }),
    );
  }
  try {
    return matched.route.handle({ ...incoming, params: matched.params });
  } catch (error) {
    return errorResponse(error);
  }
}

function throttled(retryAfterSeconds: number): ArmResponse {
  const error = new ArmError(
    429,
    'TooManyRequests',
    'The request was throttled (a fault the fake ARM injected on request). Retry after the time in Retry-After.',
    { 'retry-after': String(retryAfterSeconds) },
  );
  return errorResponse(error);
}

/** Names in ARM paths are URL-encoded by the SDKs; handlers see them decoded. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
