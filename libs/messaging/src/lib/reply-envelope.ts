import { z } from 'zod';

// A minimal envelope while libs/contracts has none; it follows style.md §4.9
// (`{ ok: false, error: { code, message } }`) and the ARM error body's inner object.

const errorDetailSchema = z.object({ code: z.string(), message: z.string(), target: z.string().optional() });

/** The error half of a reply: the ARM error body's inner object plus whether a retry may help. */
export const replyErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  target: z.string().optional(),
  details: z.array(errorDetailSchema).optional(),
  retryable: z.boolean().optional(),
});

/** What a server sends back for a request: the handler's result, or why it failed. */
export const replyEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: replyErrorSchema }),
]);

/** The error half of a reply. */
export type ReplyError = z.infer<typeof replyErrorSchema>;

/** A reply body: `{ ok: true, data }` or `{ ok: false, error }`. */
export type ReplyEnvelope = z.infer<typeof replyEnvelopeSchema>;

/** Wraps a handler's result. */
export function okReply(data: unknown): ReplyEnvelope {
  return { ok: true, data };
}

/** Wraps a failure. */
export function errorReply(error: ReplyError): ReplyEnvelope {
  return { ok: false, error };
}
