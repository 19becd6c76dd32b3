import { z } from 'zod';
import { deploymentResultSchema } from '../common/work-result.schema';
import { replySchema } from '../common/reply-envelope';

/** The deployments run. */
export const PatchFhirServiceResultSchema = deploymentResultSchema;

/** What a successful reply's `result` holds. */
export type PatchFhirServiceResult = z.infer<typeof PatchFhirServiceResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const PatchFhirServiceReplySchema = replySchema(PatchFhirServiceResultSchema);
