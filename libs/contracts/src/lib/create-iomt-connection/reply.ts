import { z } from 'zod';
import { replySchema } from '../common/reply-envelope';

/**
 * The name of the authorization rule behind the connection (seed 004 `deviceWritePolicyNames`).
 * Its keys are never part of a reply: `listKeys` reads them from Azure on demand.
 */
export const CreateIomtConnectionResultSchema = z.object({ authorizationRuleName: z.string().min(1).max(256) });

/** What a successful reply's `result` holds. */
export type CreateIomtConnectionResult = z.infer<typeof CreateIomtConnectionResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const CreateIomtConnectionReplySchema = replySchema(CreateIomtConnectionResultSchema);
