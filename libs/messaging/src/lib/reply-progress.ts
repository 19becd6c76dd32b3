import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { z } from 'zod';
import type { ApplicationProperties } from './trace-propagator';

/** Subject suffix of a progress message: `<request subject>.progress`, beside the reply's `.reply`. */
export const PROGRESS_SUBJECT_SUFFIX = '.progress';

/**
 * Body of a progress message: how far the worker is with a request, 0-100; without a percentage
 * it is a heartbeat (the worker is still at it). Requesters from before heartbeats find `{}`
 * invalid and skip it, so the message is safe to send to them.
 */
export const progressBodySchema = z.strictObject({ percentComplete: z.number().min(0).max(100).optional() });

/** Progress of a request, as the requester's observable emits it before the reply (`ClientServiceBus.send`). */
export class ReplyProgress {
  constructor(readonly percentComplete: number) {}
}

/** A heartbeat of a request: the worker still works on it. Extends the requester's wait; never emitted to callers. */
export class ReplyHeartbeat {}

/**
 * A progress message about `request`, on the reply path: to its `replyTo` entity, in session
 * `replyToSessionId`, with the request's correlation id, so that the requester's reply waiter
 * sees it in the session it locked and tells it from the reply by its subject.
 */
export function progressMessageFor(
  request: ServiceBusReceivedMessage,
  percentComplete: number,
  applicationProperties: ApplicationProperties,
): ServiceBusMessage {
  return onReplyPath(request, progressBodySchema.parse({ percentComplete }), applicationProperties);
}

/** A heartbeat about `request` (a progress message without a percentage), on its reply path like {@link progressMessageFor}. */
export function heartbeatMessageFor(request: ServiceBusReceivedMessage, applicationProperties: ApplicationProperties): ServiceBusMessage {
  return onReplyPath(request, {}, applicationProperties);
}

function onReplyPath(request: ServiceBusReceivedMessage, body: object, applicationProperties: ApplicationProperties): ServiceBusMessage {
  const correlationId = request.correlationId ?? request.messageId;
  return {
    body,
    contentType: 'application/json',
    subject: `${request.subject ?? ''}${PROGRESS_SUBJECT_SUFFIX}`,
    ...(request.replyToSessionId === undefined ? {} : { sessionId: request.replyToSessionId }),
    ...(correlationId === undefined ? {} : { correlationId }),
    applicationProperties,
  };
}

/**
 * The progress a received message reports (a heartbeat when it has no percentage), or undefined
 * when it is not a progress message.
 * @throws Error naming the problem when it says it is progress but its body is not a valid one.
 */
export function progressOf(
  message: Pick<ServiceBusReceivedMessage, 'subject' | 'body' | 'messageId'>,
): ReplyProgress | ReplyHeartbeat | undefined {
  if (!message.subject?.endsWith(PROGRESS_SUBJECT_SUFFIX)) return undefined;
  const parsed = progressBodySchema.safeParse(message.body);
  if (!parsed.success) {
    throw new Error(`Progress message ${String(message.messageId ?? '')} has an invalid body: ${z.prettifyError(parsed.error)}`);
  }
  const { percentComplete } = parsed.data;
  return percentComplete === undefined ? new ReplyHeartbeat() : new ReplyProgress(percentComplete);
}
