import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { redactSecretFragments } from '../logging/secret-redaction';
import { currentLogFields, runWithLogFields } from './log-fields';
import { TelemetryAttribute, type OperationLogFields } from './telemetry.attributes';

/** Instrumentation scope of the spans the services start themselves. */
export const SERVICE_TRACER_NAME = '@iomt/service-kit';

/** How {@link inOperationSpan} starts its span. */
export interface OperationSpanOptions {
  /** Who the work is for: span attributes and log fields. */
  readonly fields: OperationLogFields;
  /** More span attributes (operation type, attempt...). */
  readonly attributes?: Attributes;
  /** Parent context; the active one by default (see `operationParentContext`). */
  readonly parent?: Context;
  readonly kind?: SpanKind;
}

/**
 * Runs `work` in a new active span named `name`, with the operation's ids as attributes and as
 * fields of every line logged meanwhile. A rejection marks the span as an error (and is rethrown);
 * the span ends when `work` settles.
 */
export async function inOperationSpan<T>(name: string, options: OperationSpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  // The ARM correlation id comes with the message's baggage, not with the command.
  const fields = { correlationRequestId: currentLogFields().correlationRequestId, ...options.fields };
  const span = trace.getTracer(SERVICE_TRACER_NAME).startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: { ...attributesOf(fields), ...options.attributes } },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => runWithLogFields(fields, () => work(span)));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Records `error` on `span` (its text redacted: spans leave the process) and sets the error status. */
export function markFailed(span: Span, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const message = redactSecretFragments(error instanceof Error ? error.message : String(error));
  span.recordException({ name, message });
  span.setStatus({ code: SpanStatusCode.ERROR, message: name });
}

function attributesOf(fields: OperationLogFields): Attributes {
  const attributes: Attributes = {};
  if (fields.operationId !== undefined) attributes[TelemetryAttribute.OperationId] = fields.operationId;
  if (fields.subscriptionId !== undefined) attributes[TelemetryAttribute.SubscriptionId] = fields.subscriptionId;
  if (fields.correlationRequestId !== undefined) attributes[TelemetryAttribute.CorrelationRequestId] = fields.correlationRequestId;
  if (fields.clientRequestId !== undefined) attributes[TelemetryAttribute.ClientRequestId] = fields.clientRequestId;
  return attributes;
}
