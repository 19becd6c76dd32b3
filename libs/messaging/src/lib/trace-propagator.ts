import { BAGGAGE_PROPERTY, DIAGNOSTIC_ID_PROPERTY, TRACEPARENT_PROPERTY, TRACESTATE_PROPERTY } from './constants';
import { activeBaggage, activeSpanTraceContext } from './message-tracing';
import { currentTraceContext, TraceContext, toTraceContext } from './trace-context';

/** Application properties of a Service Bus message, as the SDK types them. */
export type ApplicationProperties = Record<string, number | boolean | string | Date | null>;

/**
 * Moves a trace context in and out of a message's application properties. The default is
 * {@link W3CTracePropagator}; an OpenTelemetry-backed one can replace it without touching the
 * transport.
 */
export interface TracePropagator {
  /** Returns the properties to send: `properties` plus the trace context to propagate, if any. */
  inject(properties: ApplicationProperties, explicit?: TraceContext): ApplicationProperties;
  /** Reads the trace context of a received message; invalid values give `undefined`. */
  extract(properties: Readonly<Record<string, unknown>> | undefined): TraceContext | undefined;
}

/**
 * W3C `traceparent`/`tracestate` as application properties (plus the traceparent as the Azure
 * SDKs' `Diagnostic-Id`). On send, the first of these wins: a valid traceparent already in the
 * properties (set on the record), the explicit context, the active OpenTelemetry span (the send's
 * producer span), the ambient context of {@link runWithTraceContext}. An invalid traceparent in
 * the properties is dropped rather than forwarded. The active context's W3C `baggage` goes along
 * (unless the record set one). On receive, `traceparent` is read, else
 * `Diagnostic-Id` (a message sent by an instrumented Azure SDK).
 */
export class W3CTracePropagator implements TracePropagator {
  inject(properties: ApplicationProperties, explicit?: TraceContext): ApplicationProperties {
    const { [TRACEPARENT_PROPERTY]: parent, [TRACESTATE_PROPERTY]: state, [DIAGNOSTIC_ID_PROPERTY]: _, ...rest } = properties;
    const context =
      toTraceContext(parent, state) ??
      toTraceContext(explicit?.traceparent, explicit?.tracestate) ??
      activeSpanTraceContext() ??
      currentTraceContext();
    const baggage = typeof rest[BAGGAGE_PROPERTY] === 'string' ? undefined : activeBaggage();
    if (context === undefined) return rest;
    return {
      ...rest,
      ...(baggage === undefined ? {} : { [BAGGAGE_PROPERTY]: baggage }),
      [TRACEPARENT_PROPERTY]: context.traceparent,
      [DIAGNOSTIC_ID_PROPERTY]: context.traceparent,
      ...(context.tracestate === undefined ? {} : { [TRACESTATE_PROPERTY]: context.tracestate }),
    };
  }

  extract(properties: Readonly<Record<string, unknown>> | undefined): TraceContext | undefined {
    if (properties === undefined) return undefined;
    return (
      toTraceContext(properties[TRACEPARENT_PROPERTY], properties[TRACESTATE_PROPERTY]) ??
      toTraceContext(properties[DIAGNOSTIC_ID_PROPERTY])
    );
  }
}
