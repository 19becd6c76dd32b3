import type { ServiceBusClient, ServiceBusReceivedMessage } from '@azure/service-bus';
import { errorFromReply, replySchema } from '@iomt/contracts';
import { z } from 'zod';
import { progressOf, type ReplyProgress } from './reply-progress';
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
  /**
   * Resolves with the reply's result; rejects with the remote error (`RemoteOperationError`), a
   * timeout or an abort. Progress messages of the request that come first go to `onProgress`.
   */
  wait(deadline: number, signal: AbortSignal, onProgress?: (progress: ReplyProgress) => void): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Locks the reply session before the request goes out, so that nobody else can take the
 * reply. Messages in it with another correlation id (stale replies in a reused session) are
 * completed and skipped; progress messages of the request are handed to `onProgress` (a malformed
 * one is skipped: progress is advisory) and the wait goes on until the reply.
 */
export async function openReplyWaiter(client: ServiceBusClient, target: ReplyTarget): Promise<ReplyWaiter> {
  const receiver = await client.acceptSession(target.replyQueueName, target.sessionId);
  return {
    async wait(deadline, signal, onProgress) {
      for (;;) {
        if (signal.aborted) throw new Error('Stopped waiting for the reply: the caller unsubscribed');
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          throw new ReplyTimeoutError(`No reply in session ${target.sessionId} of ${target.replyQueueName} in time`);
        }
        const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: remaining, abortSignal: signal });
        if (message === undefined) continue;
        await receiver.completeMessage(message);
        if (message.correlationId !== target.correlationId) continue;
        const progress = progressOrSkip(message);
        if (progress === undefined) return unwrapReply(message);
        if (progress !== SKIP) onProgress?.(progress);
      }
    },
    close: () => receiver.close(),
  };
}

const SKIP = Symbol('malformed progress');

function progressOrSkip(message: ServiceBusReceivedMessage): ReplyProgress | typeof SKIP | undefined {
  try {
    return progressOf(message);
  } catch {
    return SKIP;
  }
}

function unwrapReply(message: ServiceBusReceivedMessage): unknown {
  const parsed = anyReplySchema.safeParse(message.body);
  if (!parsed.success) {
    throw new InvalidReplyError(`Reply ${message.messageId ?? ''} is not a reply envelope: ${parsed.error.message}`);
  }
  if (!parsed.data.ok) throw errorFromReply(parsed.data.error);
  return parsed.data.result;
}
