import { z } from 'zod';
import { emptyResultSchema } from '../common/work-result.schema';
import { replySchema } from '../common/reply-envelope';

/** Nothing beyond success. */
export const DeleteIomtConnectionResultSchema = emptyResultSchema;

/** What a successful reply's `result` holds. */
export type DeleteIomtConnectionResult = z.infer<typeof DeleteIomtConnectionResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const DeleteIomtConnectionReplySchema = replySchema(DeleteIomtConnectionResultSchema);
