import { context, isSpanContextValid, trace, TraceFlags, type Context, type SpanContext } from '@opentelemetry/api';

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The trace ids an operation document keeps (seed 004 `loggingRootId`, `loggingParentId`). */
export interface StoredTraceIds {
  /** The trace id (32 hex digits). */
  readonly loggingRootId?: string;
  /** The span that admitted the operation: a span id (16 hex digits) or a whole W3C traceparent. */
  readonly loggingParentId?: string;
}

/** The ids to store on an operation admitted now: the active span's trace id and span id. */
export function traceIdsOfActiveSpan(): StoredTraceIds {
  const span = trace.getActiveSpan()?.spanContext();
  if (span === undefined || !isSpanContextValid(span)) return {};
  return { loggingRootId: span.traceId, loggingParentId: span.spanId };
}

/** The remote span context stored ids describe, or `undefined` when they are missing or malformed. */
export function spanContextOfStoredIds(ids: StoredTraceIds): SpanContext | undefined {
  const root = ids.loggingRootId?.toLowerCase();
  const parent = ids.loggingParentId?.toLowerCase();
  if (root === undefined || parent === undefined || !TRACE_ID.test(root)) return undefined;
  const traceparent = TRACEPARENT.exec(parent);
  const spanId = traceparent === null ? parent : traceparent[2];
  if (!SPAN_ID.test(spanId) || (traceparent !== null && traceparent[1] !== root)) return undefined;
  const spanContext = { traceId: root, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/**
 * The parent of work done for a stored operation: the active context when it already belongs to
 * the operation's trace (the message carried it), otherwise the admission span the document names,
 * so that a redelivery after a crash or a sweeper's re-publication stays in the operation's trace.
 * With neither, the active context.
 */
export function operationParentContext(ids: StoredTraceIds, active: Context = context.active()): Context {
  const stored = spanContextOfStoredIds(ids);
  if (stored === undefined) return active;
  const current = trace.getSpanContext(active);
  if (current !== undefined && isSpanContextValid(current) && current.traceId === stored.traceId) return active;
  return trace.setSpanContext(active, stored);
}
