import type { ServiceBusClient, ServiceBusReceivedMessage } from '@azure/service-bus';
import { errorFromReply, replySchema } from '@iomt/contracts';
import { z } from 'zod';
import { progressOf, ReplyHeartbeat, ReplyProgress } from './reply-progress';
import { InvalidReplyError, ReplyTimeoutError } from './service-bus.errors';

const anyReplySchema = replySchema(z.unknown());

/** Where a reply is expected. */
export interface ReplyTarget {
  readonly replyQueueName: string;
  readonly sessionId: string;
  readonly correlationId: string;
}

/** How long a {@link ReplyWaiter} waits. */
export interface ReplyWaitLimits {
  /** The longest silence of the worker: each progress or heartbeat message of the request restarts it. */
  readonly silenceMs: number;
  /** When to give up however alive the worker says it is (epoch ms). */
  readonly deadline: number;
}

/** A locked reply session that yields the reply with the expected correlation id. */
export interface ReplyWaiter {
  /**
   * Resolves with the reply's result; rejects with the remote error (`RemoteOperationError`), a
   * timeout or an abort. Progress messages of the request that come first go to `onProgress`;
   * they and heartbeats keep the wait going past `silenceMs`, up to `deadline`.
   */
  wait(limits: ReplyWaitLimits, signal: AbortSignal, onProgress?: (progress: ReplyProgress) => void): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Locks the reply session before the request goes out, so that nobody else can take the
 * reply. Messages in it with another correlation id (stale replies in a reused session) are
 * completed and skipped; progress messages of the request are handed to `onProgress` (a malformed
 * one is skipped: progress is advisory) and, like heartbeats, tell that the worker is alive: the
 * wait goes on until the reply, a silence of `silenceMs`, or the deadline.
 */
export async function openReplyWaiter(client: ServiceBusClient, target: ReplyTarget): Promise<ReplyWaiter> {
  const receiver = await client.acceptSession(target.replyQueueName, target.sessionId);
  return {
    async wait({ silenceMs, deadline }, signal, onProgress) {
      let quietUntil = Date.now() + silenceMs;
      for (;;) {
        if (signal.aborted) throw new Error('Stopped waiting for the reply: the caller unsubscribed');
        const remaining = Math.min(quietUntil, deadline) - Date.now();
        if (remaining <= 0) throw timeout(target, quietUntil < deadline ? `nor sign of life for ${silenceMs} ms` : 'before the deadline');
        const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: remaining, abortSignal: signal });
        if (message === undefined) continue;
        await receiver.completeMessage(message);
        if (message.correlationId !== target.correlationId) continue;
        const progress = progressOrSkip(message);
        if (progress === undefined) return unwrapReply(message);
        quietUntil = Date.now() + silenceMs;
        if (progress instanceof ReplyProgress) onProgress?.(progress);
      }
    },
    close: () => receiver.close(),
  };
}

const SKIP = Symbol('malformed progress');

function timeout(target: ReplyTarget, why: string): ReplyTimeoutError {
  return new ReplyTimeoutError(`No reply in session ${target.sessionId} of ${target.replyQueueName} ${why}`);
}

function progressOrSkip(message: ServiceBusReceivedMessage): ReplyProgress | ReplyHeartbeat | typeof SKIP | undefined {
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
