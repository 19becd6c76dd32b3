import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { context, defaultTextMapSetter, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';

/** Name of {@link armTracingPolicy} in a client's pipeline. */
export const ARM_TRACING_POLICY_NAME = 'iomtArmTracingPolicy';

/** Instrumentation scope of the ARM client spans. */
export const ARM_INSTRUMENTATION_SCOPE = '@iomt/azure';

// ARM reads W3C trace context, whatever propagator the process registered (or none).
const w3c = new W3CTraceContextPropagator();

/**
 * A CLIENT span per HTTP attempt to ARM (`<METHOD> <path>`, child of the active span: the
 * worker's command) whose context goes out as the `traceparent` header, so the call is one more
 * step of the operation's trace. The URL is recorded without its query (it may hold a SAS or a
 * `$skipToken`).
 */
export function armTracingPolicy(): PipelinePolicy {
  return {
    name: ARM_TRACING_POLICY_NAME,
    async sendRequest(request, next) {
      const url = new URL(request.url);
      const span = trace.getTracer(ARM_INSTRUMENTATION_SCOPE).startSpan(`${request.method} ${url.pathname}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          [ATTR_URL_FULL]: `${url.origin}${url.pathname}`,
          [ATTR_SERVER_ADDRESS]: url.hostname,
          [ATTR_SERVER_PORT]: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        },
      });
      const spanContext = trace.setSpan(context.active(), span);
      const headers: Record<string, string> = {};
      w3c.inject(spanContext, headers, defaultTextMapSetter);
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      try {
        const response = await context.with(spanContext, () => next(request));
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
        if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR, message: String(response.status) });
        return response;
      } catch (error) {
        const status = (error as { statusCode?: unknown }).statusCode;
        if (typeof status === 'number') span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    },
  };
}
