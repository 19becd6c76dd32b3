import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { contractApplicationProperties, replyErrorFrom, replySubjectOf, type Reply, type ReplyError } from '@iomt/contracts';
import { describeFailure } from './failure';
import { inProducerSpan } from './message-tracing';
import type { MessageSink } from './session-source.port';
import { SettlementAction, type SettlementDecision } from './settlement.policy';
import type { ApplicationProperties, TracePropagator } from './trace-propagator';

/**
 * Sends the reply to `request` through `sink`, in a PRODUCER span: the reply's parent is that span
 * (with the SDK disabled, the request's ambient trace context).
 */
export function sendReply(
  sink: MessageSink,
  request: ServiceBusReceivedMessage & { replyTo: string },
  envelope: Reply<unknown>,
  propagator: TracePropagator,
): Promise<void> {
  const description = { entityPath: request.replyTo, subject: request.subject ?? '', sessionId: request.replyToSessionId };
  return inProducerSpan(description, () => {
    const properties = propagator.inject(contractApplicationProperties());
    return sink.send(request.replyTo, replyMessageFor(request, envelope, properties));
  });
}

/**
 * The reply to `request` (a `@iomt/contracts` reply envelope): to its `replyTo` entity, in
 * session `replyToSessionId`, with the request's `correlationId` (or its `messageId` when it has
 * none) and subject `<subject>.reply`.
 */
export function replyMessageFor(
  request: ServiceBusReceivedMessage,
  envelope: Reply<unknown>,
  applicationProperties: ApplicationProperties,
): ServiceBusMessage {
  const correlationId = request.correlationId ?? request.messageId;
  return {
    body: envelope,
    contentType: 'application/json',
    subject: replySubjectOf(request.subject ?? ''),
    ...(request.replyToSessionId === undefined ? {} : { sessionId: request.replyToSessionId }),
    ...(correlationId === undefined ? {} : { correlationId }),
    applicationProperties,
  };
}

/**
 * The error reply to a failed request: the error's own description when it classifies itself, the
 * dead-letter reason of a message the transport refused (no handler, malformed; not retryable),
 * and otherwise the contracts' rule (`replyErrorFrom`): a generic internal error, because the text
 * of an unexpected error may hold anything and must not leave the process, marked retryable,
 * because an unexpected failure may be passing and the requester bounds its retries.
 */
export function failureReply(decision: SettlementDecision, error: unknown): Reply<never> {
  return { ok: false, error: describeFailure(error) ?? fallbackError(decision, error) };
}

function fallbackError(decision: SettlementDecision, error: unknown): ReplyError {
  if (error === undefined && decision.action === SettlementAction.DeadLetter) {
    return { code: decision.reason, message: decision.description, retryable: false };
  }
  return replyErrorFrom(error);
}
