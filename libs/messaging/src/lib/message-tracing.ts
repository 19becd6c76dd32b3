import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  isSpanContextValid,
  metrics,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { BAGGAGE_PROPERTY } from './constants';
import type { TraceContext } from './trace-context';

/** Instrumentation scope of the messaging spans and meters. */
export const MESSAGING_INSTRUMENTATION_SCOPE = '@iomt/messaging';

// The wire format is W3C by contract, whatever global propagator the process registered (or none).
const w3c = new W3CTraceContextPropagator();
const w3cBaggage = new W3CBaggagePropagator();
const tracer = () => trace.getTracer(MESSAGING_INSTRUMENTATION_SCOPE);

/** The active OpenTelemetry span as a W3C trace context, when there is a valid one. */
export function activeSpanTraceContext(): TraceContext | undefined {
  const span = trace.getSpanContext(context.active());
  if (span === undefined || !isSpanContextValid(span)) return undefined;
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  const { traceparent, tracestate } = carrier;
  return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
}

/** The active context's W3C baggage header value, if it has entries. */
export function activeBaggage(): string | undefined {
  const carrier: Record<string, string> = {};
  w3cBaggage.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier[BAGGAGE_PROPERTY];
}

/** What the span of one send is about. */
export interface SendDescription {
  readonly entityPath: string;
  readonly subject: string;
  readonly sessionId?: string;
}

/**
 * Runs `send` in a PRODUCER span (`send <entity>`), child of the active context; the message built
 * inside carries that span as its parent (see `W3CTracePropagator`).
 */
export async function inProducerSpan<T>(description: SendDescription, send: () => Promise<T>): Promise<T> {
  const attributes: Attributes = { ...messagingAttributes(description.entityPath, 'send'), 'messaging.servicebus.message.subject': description.subject };
  if (description.sessionId !== undefined) attributes['messaging.servicebus.session.id'] = description.sessionId;
  const span = tracer().startSpan(`send ${description.entityPath}`, { kind: SpanKind.PRODUCER, attributes });
  return endWith(span, () => context.with(trace.setSpan(context.active(), span), send));
}

/**
 * Runs the handling of a received message in a CONSUMER span (`process <entity>`) whose parent
 * is the trace context the message carried (none: a new trace), with the baggage it carried.
 */
export async function inConsumerSpan<T>(entityPath: string, message: ServiceBusReceivedMessage, carried: TraceContext | undefined, work: () => Promise<T>): Promise<T> {
  const traced = carried === undefined ? ROOT_CONTEXT : w3c.extract(ROOT_CONTEXT, { ...carried }, defaultTextMapGetter);
  const baggage = message.applicationProperties?.[BAGGAGE_PROPERTY];
  const parent = typeof baggage === 'string' ? w3cBaggage.extract(traced, { [BAGGAGE_PROPERTY]: baggage }, defaultTextMapGetter) : traced;
  const attributes: Attributes = {
    ...messagingAttributes(entityPath, 'process'),
    'messaging.servicebus.message.subject': message.subject ?? '',
    'messaging.servicebus.message.delivery_count': message.deliveryCount ?? 0,
    'messaging.servicebus.session.id': message.sessionId ?? '',
  };
  if (message.messageId !== undefined) attributes['messaging.message.id'] = String(message.messageId);
  const span = tracer().startSpan(`process ${entityPath}`, { kind: SpanKind.CONSUMER, attributes }, parent);
  return endWith(span, () => context.with(trace.setSpan(parent, span), work));
}

/** Marks the active span failed (a handler failed, or the message was dead-lettered). */
export function markActiveSpanFailed(description: string): void {
  trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message: description });
}

/** Counts a dead-lettered message (`iomt.messages.dead_lettered`, by subject and reason). */
export function countDeadLettered(message: ServiceBusReceivedMessage, reason: string): void {
  // Looked up per call: the metrics API has no proxy, and dead-lettering is rare.
  metrics
    .getMeter(MESSAGING_INSTRUMENTATION_SCOPE)
    .createCounter('iomt.messages.dead_lettered', { unit: '{message}', description: 'Messages moved to a dead-letter queue.' })
    .add(1, { 'messaging.servicebus.message.subject': message.subject ?? '', 'messaging.servicebus.dead_letter.reason': reason });
}

function messagingAttributes(entityPath: string, operation: 'send' | 'process'): Record<string, string> {
  return {
    'messaging.system': 'servicebus',
    'messaging.destination.name': entityPath,
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
  };
}

async function endWith<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.end();
  }
}
