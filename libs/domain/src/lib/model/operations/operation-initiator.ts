import { z } from 'zod';
import { guid } from '../validation/rules';

/** A Microsoft account PUID as ARM sends it in `x-ms-client-puid`: a 64-bit number in hex. */
export const PUID_PATTERN = /^[0-9A-Fa-f]{16}$/;

/**
 * Who asked for an operation (ours; the seed has no such field), as ARM identified the caller:
 * the subscription's home tenant (`x-ms-home-tenant-id`, or `x-ms-client-tenant-id` when ARM sent
 * no home tenant), the caller's Entra object id (`x-ms-client-object-id`) and its PUID
 * (`x-ms-client-puid`). Only these: no principal names, no addresses. Polling the operation's
 * status is allowed to the same identity only (arm-rpc.md §1.5, operation result rules).
 */
export const operationInitiatorSchema = z
  .object({
    homeTenantId: guid().optional(),
    objectId: guid().optional(),
    puid: z.string().regex(PUID_PATTERN, { error: 'must be 16 hexadecimal digits' }).optional(),
  })
  .refine((initiator) => Object.values(initiator).some((value) => value !== undefined), {
    error: 'must have a homeTenantId, an objectId or a puid',
  });

/** Who asked for an operation; see {@link operationInitiatorSchema}. */
export type OperationInitiator = z.output<typeof operationInitiatorSchema>;
