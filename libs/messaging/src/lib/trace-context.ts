import { AsyncLocalStorage } from 'node:async_hooks';

/** A W3C trace context as carried between services (https://www.w3.org/TR/trace-context/). */
export interface TraceContext {
  readonly traceparent: string;
  readonly tracestate?: string;
}

// version-traceId-parentId-flags, lower-case hex; version ff is forbidden by the spec.
const TRACEPARENT = /^(?!ff)[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const ALL_ZERO = /^0+$/;
// The spec allows at most 32 list members and 512 characters are the minimum a vendor must keep.
const MAX_TRACESTATE_LENGTH = 512;

/** True when `value` is a well-formed traceparent with non-zero trace and parent ids. */
export function isValidTraceparent(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = TRACEPARENT.exec(value);
  return match !== null && !ALL_ZERO.test(match[1]) && !ALL_ZERO.test(match[2]);
}

/**
 * Builds a trace context from untrusted values, or `undefined` when the traceparent is invalid.
 * A tracestate is kept only next to a valid traceparent, as the spec requires.
 */
export function toTraceContext(traceparent: unknown, tracestate?: unknown): TraceContext | undefined {
  if (!isValidTraceparent(traceparent)) return undefined;
  const keepState = typeof tracestate === 'string' && tracestate.length > 0 && tracestate.length <= MAX_TRACESTATE_LENGTH;
  return keepState ? { traceparent, tracestate } : { traceparent };
}

const ambient = new AsyncLocalStorage<TraceContext>();

/**
 * Runs `work` with `context` as the ambient trace context, so that messages sent while it runs
 * carry it. The server runs every handler this way with the context of the message it handles.
 */
export function runWithTraceContext<T>(context: TraceContext | undefined, work: () => T): T {
  return context === undefined ? ambient.exit(work) : ambient.run(context, work);
}

/** The ambient trace context, if the caller runs inside {@link runWithTraceContext}. */
export function currentTraceContext(): TraceContext | undefined {
  return ambient.getStore();
}
