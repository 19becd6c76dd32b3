import { z } from 'zod';

/** The longest caller identifier kept (GUIDs are 36 characters, PUIDs 16): anything longer is not an id. */
export const CALLER_ID_MAX_LENGTH = 128;

/**
 * One caller identifier as ARM sends it: opaque (ARM sends GUIDs and hex PUIDs today, but the
 * contract does not promise their form, and refusing a request over an identity header's format
 * would break callers for nothing); only empty, over-long or control-character values are refused.
 */
export function callerId(): z.ZodString {
  return z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(CALLER_ID_MAX_LENGTH, { error: `must be at most ${CALLER_ID_MAX_LENGTH} characters long` })
    .regex(/^[^\p{Cc}]*$/u, { error: 'must not contain control characters' });
}

/**
 * Who asked for an operation (ours; the seed has no such field), as ARM identified the caller:
 * the subscription's home tenant (`x-ms-home-tenant-id`, or `x-ms-client-tenant-id` when ARM sent
 * no home tenant), the caller's Entra object id (`x-ms-client-object-id`) and its PUID
 * (`x-ms-client-puid`). Only these: no principal names, no addresses. Polling the operation's
 * status is allowed to the same identity only (arm-rpc.md §1.5, operation result rules).
 */
export const operationInitiatorSchema = z
  .object({
    homeTenantId: callerId().optional(),
    objectId: callerId().optional(),
    puid: callerId().optional(),
  })
  .refine((initiator) => Object.values(initiator).some((value) => value !== undefined), {
    error: 'must have a homeTenantId, an objectId or a puid',
  });

/** Who asked for an operation; see {@link operationInitiatorSchema}. */
export type OperationInitiator = z.output<typeof operationInitiatorSchema>;
