import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { INTERNAL_ERROR_MESSAGE, replySubjectOf, type Reply, type ReplyError } from '@iomt/contracts';
import { ErrorCode } from '@iomt/domain';
import { describeFailure } from './failure';
import { SettlementAction, type SettlementDecision } from './settlement.policy';
import type { ApplicationProperties } from './trace-propagator';

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
 * The error reply to a request that failed for good: the error's own description when it
 * classifies itself, the dead-letter reason of a message the transport refused (no handler,
 * malformed), and otherwise a generic internal error, because the text of an unexpected error
 * may hold anything and must not leave the process.
 */
export function failureReply(decision: SettlementDecision, error: unknown): Reply<never> {
  return { ok: false, error: describeFailure(error) ?? fallbackError(decision, error) };
}

function fallbackError(decision: SettlementDecision, error: unknown): ReplyError {
  if (error === undefined && decision.action === SettlementAction.DeadLetter) {
    return { code: decision.reason, message: decision.description, retryable: false };
  }
  return { code: ErrorCode.InternalServerError, message: INTERNAL_ERROR_MESSAGE, retryable: false };
}
