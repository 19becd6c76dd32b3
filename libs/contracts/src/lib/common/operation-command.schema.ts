import { isSubscriptionId, tryParseResourceId } from '@iomt/domain';
import { z } from 'zod';
import { attemptSchema, healthcareResourceIdSchema, operationIdSchema, ResourceKind, subscriptionIdSchema } from './ids.schema';

/**
 * The fields every worker command carries: ids, never documents. The OperationDocument in Cosmos
 * is the source of truth (ARCHITECTURE.md invariant 2); a worker reloads it by `operationId` in
 * the `subscriptionId` partition and works on `resourceId`.
 */
export function operationCommandShape(kinds: readonly ResourceKind[]) {
  return {
    operationId: operationIdSchema,
    subscriptionId: subscriptionIdSchema,
    resourceId: healthcareResourceIdSchema(...kinds),
    attempt: attemptSchema,
  };
}

/**
 * Rejects a resource id outside the message's subscription: the subscription id is the session
 * key, so a mismatch would break one-operation-per-subscription ordering.
 */
export function requireResourceInSubscription(
  value: { subscriptionId: string; resourceId?: string },
  ctx: z.RefinementCtx,
): void {
  // Zod runs this even when a field failed; report only the mismatch of two well-formed ids.
  if (value.resourceId === undefined || !isSubscriptionId(value.subscriptionId)) return;
  const id = tryParseResourceId(value.resourceId);
  if (id !== undefined && id.subscriptionId.toLowerCase() !== value.subscriptionId.toLowerCase()) {
    ctx.addIssue({ code: 'custom', path: ['resourceId'], message: 'must lie in the subscription given by subscriptionId' });
  }
}

/** A worker command about a resource of one of `kinds`. */
export function operationCommandSchema(...kinds: ResourceKind[]) {
  return z.object(operationCommandShape(kinds)).superRefine(requireResourceInSubscription);
}

/** The payload of every worker command. */
export type OperationCommand = z.infer<ReturnType<typeof operationCommandSchema>>;
