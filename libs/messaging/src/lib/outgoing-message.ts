import type { ServiceBusMessage } from '@azure/service-bus';
import { contractApplicationProperties } from '@iomt/contracts';
import { ErrorCode, ValidationError } from '@iomt/domain';
import { randomUUID } from 'node:crypto';
import { SERVICE_BUS_MAX_SESSION_ID_LENGTH } from './constants';
import type { SessionIdResolver } from './service-bus.options';
import { ServiceBusRecord, ServiceBusRecordOptions } from './service-bus.record-builder';
import type { TracePropagator } from './trace-propagator';

/** What an outgoing message is built from. */
export interface OutgoingMessageSource {
  readonly subject: string;
  readonly data: unknown;
  readonly defaultSessionId?: string | SessionIdResolver;
  readonly propagator: TracePropagator;
}

/**
 * The SDK message for a Nest packet: JSON body, subject = pattern (or the record's), the session
 * of the record (or the default), a message id (fresh UUID unless given), the record's broker
 * properties, and in application properties the contract version and the trace context. Bad values throw a
 * `ValidationError` naming the property.
 */
export function buildOutgoingMessage(source: OutgoingMessageSource): ServiceBusMessage {
  const { data, options } = unwrapRecord(source.data);
  const subject = options.subject ?? source.subject;
  const sessionId = options.sessionId ?? resolveSessionId(source.defaultSessionId, subject, data);
  assertSessionId(sessionId, 'sessionId');
  if (options.replyToSessionId !== undefined) assertSessionId(options.replyToSessionId, 'replyToSessionId');
  if (options.timeToLive !== undefined && !(Number.isFinite(options.timeToLive) && options.timeToLive > 0)) {
    throw invalid('timeToLive', `timeToLive must be a positive number of milliseconds, got ${String(options.timeToLive)}`);
  }
  return {
    body: data,
    contentType: 'application/json',
    subject,
    sessionId,
    messageId: options.messageId ?? randomUUID(),
    applicationProperties: source.propagator.inject(
      { ...contractApplicationProperties(), ...options.applicationProperties },
      options.traceContext,
    ),
    ...pick(options, ['correlationId', 'timeToLive', 'scheduledEnqueueTimeUtc', 'replyTo', 'replyToSessionId']),
  };
}

function unwrapRecord(data: unknown): { data: unknown; options: ServiceBusRecordOptions } {
  return data instanceof ServiceBusRecord ? { data: data.data, options: data.options } : { data, options: {} };
}

function resolveSessionId(fallback: string | SessionIdResolver | undefined, subject: string, data: unknown) {
  return typeof fallback === 'function' ? fallback(subject, data) : fallback;
}

function assertSessionId(value: unknown, property: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalid(property, `${property} is required: the entities of this system are session-enabled`);
  }
  if (value.length > SERVICE_BUS_MAX_SESSION_ID_LENGTH) {
    throw invalid(property, `${property} is longer than ${SERVICE_BUS_MAX_SESSION_ID_LENGTH} characters`);
  }
}

function invalid(target: string, message: string): ValidationError {
  return new ValidationError(message, { code: ErrorCode.InvalidParameter, target });
}

function pick<K extends keyof ServiceBusRecordOptions>(options: ServiceBusRecordOptions, keys: readonly K[]) {
  const picked: Partial<Pick<ServiceBusRecordOptions, K>> = {};
  for (const key of keys) if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}
