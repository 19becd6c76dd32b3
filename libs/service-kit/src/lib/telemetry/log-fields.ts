import { context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { CORRELATION_BAGGAGE_KEY, type OperationLogFields } from './telemetry.attributes';

// Not an OpenTelemetry context value: log fields must work with the SDK disabled too.
const fields = new AsyncLocalStorage<OperationLogFields>();

/**
 * Runs `work` so that every line it logs (through the service's pino logger) carries `added`,
 * on top of the fields of the enclosing call. Undefined values are left out.
 */
export function runWithLogFields<T>(added: OperationLogFields, work: () => T): T {
  const defined = Object.fromEntries(Object.entries(added).filter(([, value]) => value !== undefined));
  return fields.run({ ...fields.getStore(), ...defined }, work);
}

/**
 * The log fields of the current call (see {@link runWithLogFields}), with ARM's correlation id from
 * the active context's baggage when the call set none.
 */
export function currentLogFields(): OperationLogFields {
  const own = fields.getStore() ?? {};
  if (own.correlationRequestId !== undefined) return own;
  const carried = propagation.getBaggage(context.active())?.getEntry(CORRELATION_BAGGAGE_KEY)?.value;
  return carried === undefined ? own : { ...own, correlationRequestId: carried };
}

/**
 * pino `mixin`: the current log fields plus `trace_id`, `span_id` and `trace_flags` of the active
 * span, so a log line can be found from its trace and the other way round.
 */
export function telemetryLogMixin(): Record<string, unknown> {
  const span = trace.getSpan(context.active())?.spanContext();
  const ids =
    span !== undefined && isSpanContextValid(span)
      ? { trace_id: span.traceId, span_id: span.spanId, trace_flags: `0${span.traceFlags.toString(16)}`.slice(-2) }
      : {};
  return { ...currentLogFields(), ...ids };
}
