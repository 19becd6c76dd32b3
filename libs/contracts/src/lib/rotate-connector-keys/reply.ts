import { z } from 'zod';
import { replySchema } from '../common/reply-envelope';

/** The secret metadata after the rotation, with seed 004's `ISecretMetadata` names; never the secrets. */
export const RotateConnectorKeysResultSchema = z.object({
  isUsingPrimaryKey: z.boolean(),
  secretLastRotated: z.iso.datetime({ offset: true }),
  secretRotationCount: z.number().int().min(0),
});

/** What a successful reply's `result` holds. */
export type RotateConnectorKeysResult = z.infer<typeof RotateConnectorKeysResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const RotateConnectorKeysReplySchema = replySchema(RotateConnectorKeysResultSchema);
