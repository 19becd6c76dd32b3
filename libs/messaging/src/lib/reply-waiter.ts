import type { ServiceBusClient, ServiceBusReceivedMessage } from '@azure/service-bus';
import { errorFromReply, replySchema } from '@iomt/contracts';
import { z } from 'zod';
import { InvalidReplyError, ReplyTimeoutError } from './service-bus.errors';

const anyReplySchema = replySchema(z.unknown());

/** Where a reply is expected. */
export interface ReplyTarget {
  readonly replyQueueName: string;
  readonly sessionId: string;
  readonly correlationId: string;
}

/** A locked reply session that yields the reply with the expected correlation id. */
export interface ReplyWaiter {
  /** Resolves with the reply's result; rejects with the remote error (`RemoteOperationError`), a timeout or an abort. */
  wait(deadline: number, signal: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Locks the reply session before the request goes out, so that nobody else can take the
 * reply. Messages in it with another correlation id (stale replies in a reused session) are
 * completed and skipped.
 */
export async function openReplyWaiter(client: ServiceBusClient, target: ReplyTarget): Promise<ReplyWaiter> {
  const receiver = await client.acceptSession(target.replyQueueName, target.sessionId);
  return {
    async wait(deadline, signal) {
      for (;;) {
        if (signal.aborted) throw new Error('Stopped waiting for the reply: the caller unsubscribed');
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          throw new ReplyTimeoutError(`No reply in session ${target.sessionId} of ${target.replyQueueName} in time`);
        }
        const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: remaining, abortSignal: signal });
        if (message === undefined) continue;
        await receiver.completeMessage(message);
        if (message.correlationId === target.correlationId) return unwrapReply(message);
      }
    },
    close: () => receiver.close(),
  };
}

function unwrapReply(message: ServiceBusReceivedMessage): unknown {
  const parsed = anyReplySchema.safeParse(message.body);
  if (!parsed.success) {
    throw new InvalidReplyError(`Reply ${message.messageId ?? ''} is not a reply envelope: ${parsed.error.message}`);
  }
  if (!parsed.data.ok) throw errorFromReply(parsed.data.error);
  return parsed.data.result;
}
