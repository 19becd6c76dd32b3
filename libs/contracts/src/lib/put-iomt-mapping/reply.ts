import { IomtMappingName } from '@iomt/domain';
import { z } from 'zod';
import { replySchema } from '../common/reply-envelope';

/** Which mapping was stored, and the stored blob's ETag (lets a retry tell its own write). */
export const PutIomtMappingResultSchema = z.object({
  mappingName: z.enum([IomtMappingName.DeviceMapping, IomtMappingName.FhirMapping]),
  contentEtag: z.string().min(1).optional(),
});

/** What a successful reply's `result` holds. */
export type PutIomtMappingResult = z.infer<typeof PutIomtMappingResultSchema>;

/** The reply: `{ ok: true, result? }` or `{ ok: false, error }`. */
export const PutIomtMappingReplySchema = replySchema(PutIomtMappingResultSchema);
