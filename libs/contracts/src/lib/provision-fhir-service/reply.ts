import { z } from 'zod';
import { deploymentResultSchema } from '../common/work-result.schema';
import { replySchema } from '../common/reply-envelope';

/** The deployments run. */
export const ProvisionFhirServiceResultSchema = deploymentResultSchema;

/** What a successful reply's `result` holds. */
export type ProvisionFhirServiceResult = z.infer<typeof ProvisionFhirServiceResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const ProvisionFhirServiceReplySchema = replySchema(ProvisionFhirServiceResultSchema);
