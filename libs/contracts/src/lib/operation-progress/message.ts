import { z } from 'zod';
import { operationIdSchema, subscriptionIdSchema } from '../common/ids.schema';

/**
 * operation-replies `operation.progress`: a worker's progress on a long step, sent in the
 * operation's reply session before the reply. The router copies `percentComplete` to the
 * OperationDocument (seed 004), which ARM's status polls show.
 */
export const OperationProgressSchema = z.object({
  operationId: operationIdSchema,
  subscriptionId: subscriptionIdSchema,
  /** 0–100, like ARM's `percentComplete`. */
  percentComplete: z.number().min(0).max(100),
  /** A short name of the step under way, for logs: "deploy-event-hubs". */
  step: z.string().min(1).max(100).optional(),
});

/** Payload of `operation.progress`. */
export type OperationProgress = z.infer<typeof OperationProgressSchema>;
