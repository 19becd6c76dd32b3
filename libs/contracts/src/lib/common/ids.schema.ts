import {
  HealthcareResourceId,
  isSubscriptionId,
  isValidName,
  OPERATION_ID,
  parseHealthcareResourceId,
} from '@iomt/domain';
import { z } from 'zod';

/** The kinds of resource id a command may target. */
export type ResourceKind = HealthcareResourceId['kind'];

/** A customer subscription id (GUID): the session id of the subscription-keyed queues. */
export const subscriptionIdSchema = z.string().refine(isSubscriptionId, 'must be a subscription id (GUID)');

/** An operation id (OperationDocument id): the session id of `operation-replies`. */
export const operationIdSchema = z
  .string()
  .refine((value) => isValidName(OPERATION_ID, value), `must be an operation id: ${OPERATION_ID.description}`);

/** Which delivery of the operation's work this is, 1 for the first; it grows on each retry. */
export const attemptSchema = z.number().int().min(1);

/**
 * An ARM id of one of our resources, of one of `kinds`; the value stays the caller's string
 * (casing kept), parsing only checks it.
 */
export function healthcareResourceIdSchema(...kinds: ResourceKind[]) {
  return z.string().superRefine((value, ctx) => {
    try {
      const id = parseHealthcareResourceId(value);
      if (kinds.length > 0 && !kinds.includes(id.kind)) {
        ctx.addIssue({ code: 'custom', message: `must be the id of a ${kinds.join(' or ')}, not of a ${id.kind}` });
      }
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });
}
