import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { SERVICE_BUS_REPLY_SUBJECT_SUFFIX } from './constants';
import type { ReplyEnvelope } from './reply-envelope';
import type { ApplicationProperties } from './trace-propagator';

/**
 * The reply to `request`: to its `replyTo` entity, in session `replyToSessionId`, with the
 * request's `correlationId` (or its `messageId` when it has none) and subject `<subject>.reply`.
 */
export function replyMessageFor(
  request: ServiceBusReceivedMessage,
  envelope: ReplyEnvelope,
  applicationProperties: ApplicationProperties,
): ServiceBusMessage {
  const correlationId = request.correlationId ?? request.messageId;
  return {
    body: envelope,
    contentType: 'application/json',
    subject: `${request.subject ?? ''}${SERVICE_BUS_REPLY_SUBJECT_SUFFIX}`,
    ...(request.replyToSessionId === undefined ? {} : { sessionId: request.replyToSessionId }),
    ...(correlationId === undefined ? {} : { correlationId }),
    applicationProperties,
  };
}
