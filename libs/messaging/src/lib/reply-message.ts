import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { replySubjectOf, type Reply } from '@iomt/contracts';
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
