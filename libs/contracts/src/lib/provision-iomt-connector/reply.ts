import { z } from 'zod';
import { deploymentResultSchema } from '../common/work-result.schema';
import { replySchema } from '../common/reply-envelope';

/** The deployments run. */
export const ProvisionIomtConnectorResultSchema = deploymentResultSchema;

/** What a successful reply's `result` holds. */
export type ProvisionIomtConnectorResult = z.infer<typeof ProvisionIomtConnectorResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const ProvisionIomtConnectorReplySchema = replySchema(ProvisionIomtConnectorResultSchema);
