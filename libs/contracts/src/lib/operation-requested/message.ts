import { z } from 'zod';
import { healthcareResourceIdSchema, operationIdSchema, subscriptionIdSchema } from '../common/ids.schema';
import { requireResourceInSubscription } from '../common/operation-command.schema';

/**
 * operations `operation.requested`: an OperationDocument was written with status Requested and
 * waits for the router. Sent by the gateway, the key-rotator (scheduled rotations) and the
 * sweeper (re-publishing); the session id is `subscriptionId`. The router reloads the document.
 */
export const OperationRequestedSchema = z
  .object({
    operationId: operationIdSchema,
    subscriptionId: subscriptionIdSchema,
    /**
     * The resource the operation is about, for logs and routing checks. Optional: the domain's
     * OperationPublisher port carries ids only, and the router reloads the document anyway.
     */
    resourceId: healthcareResourceIdSchema('fhirService', 'iomtConnector', 'iomtConnection', 'iomtMapping').optional(),
  })
  .superRefine(requireResourceInSubscription);

/** Payload of `operation.requested`. */
export type OperationRequested = z.infer<typeof OperationRequestedSchema>;
