import { z } from 'zod';
import { emptyResultSchema } from '../common/work-result.schema';
import { replySchema } from '../common/reply-envelope';

/** Nothing beyond success. */
export const DeprovisionIomtConnectorResultSchema = emptyResultSchema;

/** What a successful reply's `result` holds. */
export type DeprovisionIomtConnectorResult = z.infer<typeof DeprovisionIomtConnectorResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const DeprovisionIomtConnectorReplySchema = replySchema(DeprovisionIomtConnectorResultSchema);
