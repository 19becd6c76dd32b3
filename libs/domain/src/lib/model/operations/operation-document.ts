import { z } from 'zod';
import { documentMetadataShape } from '../common/account-registry-document';
import { DocumentType, PROVIDER_NAMESPACE, ResourceTypeName } from '../common/identifiers';
import { CrossFieldRule, withCrossFieldRules } from '../validation/cross-field-rule';
import { caseInsensitiveEnum } from '../validation/enum-schemas';
import { documentId, isoDateTime, resourceGroupName, subscriptionId, text } from '../validation/rules';
import { isTerminalStatus, OperationStatus, operationStatusSchema, OperationType, operationTypeSchema } from './operation-enums';
import { operationInitiatorSchema } from './operation-initiator';

/**
 * Fields every operation has (seed 004 `OperationDocument`, formerly `BaseOperationDocument`),
 * document type `provisioningrequest`, one partition per customer subscription. Times are
 * ISO 8601 strings. `_etag`, `deleted` and `ttl` are the persistence fields of every document.
 */
export const operationBaseShape = {
  ...documentMetadataShape,
  type: z.literal(DocumentType.Operation),
  provisioningOperation: operationTypeSchema,
  provisioningStatus: operationStatusSchema,
  primaryRegionName: text().optional(),
  secondaryRegionNames: z.array(text()).optional(),
  timeEnqueued: isoDateTime(),
  timeLastUpdated: isoDateTime(),
  /** Set exactly when the status is terminal. */
  timeEnded: isoDateTime().optional(),
  /** Id of the FHIR service account the operation concerns. */
  accountId: documentId().optional(),
  /** Trace ids (W3C traceparent parent span / root trace) of the request that created the operation. */
  loggingParentId: text().optional(),
  loggingRootId: text().optional(),
  /**
   * Who asked for the operation, when a caller did (ours): only that identity may poll its status.
   * Absent on operations the system starts itself (a deleted subscription's cascade, key rotations).
   */
  initiator: operationInitiatorSchema.optional(),
  /** Attempts started: 1 on the first Running, +1 per retry. */
  attemptCount: z.int().min(0).default(0),
  /** `code: message` of the last failure, secrets redacted. */
  exceptionDetails: z.string().optional(),
  skuName: text().optional(),
  percentComplete: z.number().min(0).max(100).optional(),
  subscriptionId: subscriptionId(),
  resourceGroupName: resourceGroupName(),
  providerNamespace: caseInsensitiveEnum([PROVIDER_NAMESPACE]),
};

type OperationBase = z.output<z.ZodObject<typeof operationBaseShape>>;

/** The operation types each kind of operation document may carry. */
export const ALLOWED_OPERATION_TYPES: Readonly<Record<ResourceTypeName, readonly OperationType[]>> = {
  [ResourceTypeName.FhirService]: [OperationType.Provision, OperationType.Deprovision, OperationType.Patch],
  [ResourceTypeName.IomtConnector]: [
    OperationType.Provision,
    OperationType.Deprovision,
    OperationType.Patch,
    OperationType.RotateKeys,
  ],
  [ResourceTypeName.IomtConnectorMapping]: [OperationType.UpdateMapping],
  [ResourceTypeName.IomtConnectorConnection]: [OperationType.CreateConnection, OperationType.DeleteConnection],
};

function operationRules(resourceTypeName: ResourceTypeName): CrossFieldRule<OperationBase>[] {
  const allowed = ALLOWED_OPERATION_TYPES[resourceTypeName];
  return [
    {
      path: ['provisioningOperation'],
      check: ({ provisioningOperation: op }) =>
        typeof op === 'number' && !allowed.includes(op)
          ? `must be one of ${allowed.map((t) => `${OperationType[t]} (${t})`).join(', ')} for ${resourceTypeName}`
          : undefined,
    },
    {
      path: ['timeEnded'],
      check: ({ provisioningStatus: status, timeEnded }) => {
        if (typeof status !== 'number') return undefined;
        if (isTerminalStatus(status) && timeEnded === undefined) return `is required when the status is ${OperationStatus[status]}`;
        if (!isTerminalStatus(status) && timeEnded !== undefined) return `must be absent while the status is ${OperationStatus[status]}`;
        return undefined;
      },
    },
    {
      path: ['attemptCount'],
      check: ({ provisioningStatus: status, attemptCount }) =>
        (status === OperationStatus.Running || status === OperationStatus.Completed) &&
        typeof attemptCount === 'number' &&
        attemptCount < 1
          ? `must be at least 1 when the status is ${OperationStatus[status]}`
          : undefined,
    },
  ];
}

/** Builds the schema of one kind of operation document: the common fields, its resource type and its own fields. */
export function defineOperationSchema<R extends ResourceTypeName, S extends z.ZodRawShape>(resourceTypeName: R, shape: S) {
  return withCrossFieldRules(
    z.object({ ...operationBaseShape, resourceTypeName: z.literal(resourceTypeName), ...shape }),
    operationRules(resourceTypeName),
  );
}
