import { z } from 'zod';
import { parseOrThrow } from '@iomt/domain';

/** Header in which ARM sends who created and last changed a resource (arm-rpc.md §1.2). */
export const SYSTEM_DATA_HEADER = 'x-ms-arm-resource-system-data';

const identityType = z.enum(['User', 'Application', 'ManagedIdentity', 'Key']);

/** ARM's `systemData`: stored on accepted writes and returned on reads. Customer data: never logged. */
export const armSystemDataSchema = z.object({
  createdBy: z.string().optional(),
  createdByType: identityType.optional(),
  createdAt: z.string().optional(),
  lastModifiedBy: z.string().optional(),
  lastModifiedByType: identityType.optional(),
  lastModifiedAt: z.string().optional(),
});

/** ARM's `systemData`. */
export type ArmSystemData = z.output<typeof armSystemDataSchema>;

/**
 * Parses the header. Unknown members are dropped (ARM may add some); malformed JSON or a wrongly
 * typed member is a 400 naming the header.
 */
export function parseSystemDataHeader(value: string): ArmSystemData {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    json = undefined;
  }
  return parseOrThrow(armSystemDataSchema, json, `The ${SYSTEM_DATA_HEADER} header`, { pathPrefix: SYSTEM_DATA_HEADER });
}

/**
 * The systemData to keep after a write: ARM's values of this request, with the creation fields of
 * what was stored before (for proxy resources ARM's creation values are best effort; we are the
 * source of truth).
 */
export function mergeSystemData(stored: ArmSystemData | undefined, incoming: ArmSystemData): ArmSystemData {
  if (stored === undefined) return incoming;
  return {
    ...incoming,
    ...(stored.createdBy === undefined ? {} : { createdBy: stored.createdBy }),
    ...(stored.createdByType === undefined ? {} : { createdByType: stored.createdByType }),
    ...(stored.createdAt === undefined ? {} : { createdAt: stored.createdAt }),
  };
}
