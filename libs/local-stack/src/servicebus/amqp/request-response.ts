import type { Message, Receiver } from 'rhea';
import { BrokerError, Condition, type ConditionName } from '../broker/broker-error';
import { ConnectionLinks } from './connection-links';

/** A $cbs or $management answer. */
export interface Reply {
  readonly statusCode: number;
  readonly statusDescription?: string;
  readonly errorCondition?: ConditionName;
  readonly body?: unknown;
}

export type RequestHandler = (request: Message) => Reply;

const STATUS_BY_CONDITION: Partial<Record<ConditionName, number>> = {
  [Condition.notFound]: 404,
  [Condition.messageNotFound]: 404,
  [Condition.notImplemented]: 501,
  [Condition.notAllowed]: 400,
  [Condition.argumentError]: 400,
  [Condition.decodeError]: 400,
  [Condition.timeout]: 408,
  [Condition.messageLockLost]: 410,
  [Condition.sessionLockLost]: 410,
  [Condition.sessionCannotBeLocked]: 410,
};

/** The reply for a refused request, keeping the condition so the SDK maps it to the right error code. */
export function errorReply(error: unknown): Reply {
  if (error instanceof BrokerError) {
    return { statusCode: STATUS_BY_CONDITION[error.condition] ?? 500, statusDescription: error.message, errorCondition: error.condition };
  }
  const description = error instanceof Error ? error.message : String(error);
  return { statusCode: 500, statusDescription: `Internal emulator error: ${description}`, errorCondition: Condition.internalError };
}

/**
 * Serves request/response over a receiver link (the pattern of $cbs and $management): every
 * request is accepted, answered on the connection's reply sender named by `reply_to` with
 * `correlation_id` = the request's `message_id`, and never left unanswered.
 */
export function serveRequests(receiver: Receiver, handle: RequestHandler): void {
  receiver.on('message', (context) => {
    const request = context.message as Message;
    context.delivery?.accept();
    let reply: Reply;
    try {
      reply = handle(request);
    } catch (error) {
      reply = errorReply(error);
    }
    const sender = ConnectionLinks.of(receiver.connection).replySender(request.reply_to as string | undefined);
    const delivery = sender?.send({
      correlation_id: request.message_id,
      to: request.reply_to,
      // core-amqp reads either spelling; peek compares `statusCode` literally.
      application_properties: {
        statusCode: reply.statusCode,
        'status-code': reply.statusCode,
        statusDescription: reply.statusDescription ?? statusText(reply.statusCode),
        'status-description': reply.statusDescription ?? statusText(reply.statusCode),
        ...(reply.errorCondition ? { errorCondition: reply.errorCondition, 'error-condition': reply.errorCondition } : {}),
      },
      body: reply.body ?? null,
    });
    // Sent pre-settled: the SDK never settles a response, and an unsettled delivery stays in
    // rhea's session window, so after 2048 responses the link would stall and every later
    // management request (renew-session-lock among them) would time out.
    if (delivery !== undefined) (delivery as { settled: boolean }).settled = true;
  });
}

function statusText(statusCode: number): string {
  if (statusCode === 200) return 'OK';
  if (statusCode === 204) return 'No Content';
  return 'Error';
}
