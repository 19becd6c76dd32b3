import { z } from 'zod';
import { InvalidStatusTransitionError } from '../../errors';
import { documentMetadataShape } from '../common/account-registry-document';
import { documentCodec } from '../common/document-codec';
import { DocumentType } from '../common/identifiers';
import { withCrossFieldRules } from '../validation/cross-field-rule';
import { text } from '../validation/rules';
import { operationCodec, OperationDocument, operationDocumentSchema } from './operation-codec';
import { isTerminalStatus, OperationStatus } from './operation-enums';

/**
 * The archive record of a finished operation (seed 004 `CompletedOperationDocument`, type
 * `completedprovisioningrequest`): the whole operation under `operation`, partitioned by its
 * subscription. The embedded operation is stored in its document form without its `_etag`.
 */
export const completedOperationSchema = withCrossFieldRules(
  z.object({
    ...documentMetadataShape,
    type: z.literal(DocumentType.CompletedOperation),
    accountName: text().optional(),
    operation: operationDocumentSchema,
  }),
  [
    {
      path: ['operation', 'provisioningStatus'],
      check: ({ operation }) => {
        const status = (operation as { provisioningStatus?: unknown } | undefined)?.provisioningStatus;
        return typeof status === 'number' && status in OperationStatus && !isTerminalStatus(status)
          ? 'must be Completed, Failed or Canceled in a completed operation'
          : undefined;
      },
    },
  ],
);

/** A completed operation as held in memory. */
export type CompletedOperation = z.output<typeof completedOperationSchema>;

/** Stores completed operations: `partitionKey` = the operation's subscription id. */
export const completedOperationCodec = documentCodec({
  subject: 'The completed operation',
  schema: completedOperationSchema,
  derive: (completed: CompletedOperation) => {
    const { _etag: _ignored, ...operation } = operationCodec.toDocument(completed.operation);
    return { operation, partitionKey: completed.operation.subscriptionId };
  },
});

/** The stored JSON form of a {@link CompletedOperation}. */
export type CompletedOperationDocument = ReturnType<typeof completedOperationCodec.toDocument>;

/**
 * Id of an operation's archive record: derived from the operation's so writing it twice (a
 * redelivered reply) is idempotent, and distinct so both can share a partition.
 */
export function completedOperationId(operationId: string): string {
  return `${operationId}-completed`;
}

/** Options of {@link completeOperation}. */
export interface CompleteOperationOptions {
  /** Name of the FHIR service the operation concerns. */
  readonly accountName?: string;
  /** Time to live of the archive record in seconds; kept forever when absent. */
  readonly ttl?: number;
}

/**
 * Builds the archive record of a terminal operation.
 * @throws InvalidStatusTransitionError when the operation is still Requested or Running.
 */
export function completeOperation(operation: OperationDocument, options: CompleteOperationOptions = {}): CompletedOperation {
  if (!isTerminalStatus(operation.provisioningStatus)) {
    throw new InvalidStatusTransitionError(
      `Operation ${operation.id} is ${OperationStatus[operation.provisioningStatus]}; only a Completed, Failed or Canceled operation can be archived.`,
      { target: 'provisioningStatus' },
    );
  }
  return completedOperationCodec.parse({
    id: completedOperationId(operation.id),
    type: DocumentType.CompletedOperation,
    accountName: options.accountName,
    operation,
    ttl: options.ttl,
  });
}
