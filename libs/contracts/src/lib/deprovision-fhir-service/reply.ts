import { z } from 'zod';
import { emptyResultSchema } from '../common/work-result.schema';
import { replySchema } from '../common/reply-envelope';

/** Nothing beyond success. */
export const DeprovisionFhirServiceResultSchema = emptyResultSchema;

/** What a successful reply's `result` holds. */
export type DeprovisionFhirServiceResult = z.infer<typeof DeprovisionFhirServiceResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const DeprovisionFhirServiceReplySchema = replySchema(DeprovisionFhirServiceResultSchema);
