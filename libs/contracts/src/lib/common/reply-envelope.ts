import { z } from 'zod';

/** One problem inside a reply error, as in the ARM error body's `details`. */
export const replyErrorDetailSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  target: z.string().optional(),
});

/**
 * Why a worker failed: the ARM error body's inner object plus `retryable`, which tells the router
 * whether another attempt may succeed. Codes are strings: `instanceof` does not cross Service Bus.
 */
export const replyErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  retryable: z.boolean(),
  target: z.string().optional(),
  details: z.array(replyErrorDetailSchema).optional(),
});

/** The error half of a reply. */
export type ReplyError = z.infer<typeof replyErrorSchema>;

/** A failed reply; the same for every command. */
export const errorReplySchema = z.object({ ok: z.literal(false), error: replyErrorSchema });

/** A reply: `{ ok: true, result? }` with the command's result, or `{ ok: false, error }`. */
export type Reply<TResult> = { ok: true; result?: TResult } | z.infer<typeof errorReplySchema>;

/** The reply schema of a command whose successful result has the shape `result`. */
export function replySchema<TResult extends z.ZodType>(result: TResult) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), result: result.optional() }), errorReplySchema]);
}

/** A successful reply, with the command's result when it has one. */
export function okReply<TResult>(result?: TResult): Reply<TResult> {
  return result === undefined ? { ok: true } : { ok: true, result };
}

/** True for a failed reply. */
export function isErrorReply<TResult>(reply: Reply<TResult>): reply is Extract<Reply<TResult>, { ok: false }> {
  return !reply.ok;
}
