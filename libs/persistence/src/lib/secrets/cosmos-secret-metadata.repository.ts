import type { Container, ItemDefinition } from '@azure/cosmos';
import {
  AccountSpecificStreamAnalyticsJob,
  accountSpecificStreamAnalyticsJobCodec,
  CallOptions,
  ConcurrencyConflictError,
  DocumentType,
  PagedResult,
  PageOptions,
  ResourceNotFoundError,
  SecretMetadataRepository,
  ValidationError,
} from '@iomt/domain';
import { withCosmosErrors } from '../cosmos/cosmos-error.mapper';
import { queryPage } from '../cosmos/query-page';
import { NOT_DELETED, withoutSystemProperties } from '../cosmos/stored-documents';

/**
 * The key rotator's sweep: crosses partitions by design (secrets of every subscription); it runs
 * on a schedule. `secretLastRotated` is an ISO 8601 UTC string, so it compares in time order.
 */
export const DUE_FOR_ROTATION_QUERY =
  `SELECT * FROM c WHERE c.type = @type AND ${NOT_DELETED} ` +
  'AND (c.forceRotation = true OR c.secretLastRotated <= @cutoff) ORDER BY c.secretLastRotated';
/** Condition of the force-flag patch: only a live secret metadata document is changed. */
export const LIVE_SECRET_PREDICATE = `FROM c WHERE c.type = '${DocumentType.AccountSpecificStreamAnalyticsJob}' AND ${NOT_DELETED}`;

const decodeSecret = (document: unknown): AccountSpecificStreamAnalyticsJob =>
  accountSpecificStreamAnalyticsJobCodec.fromDocument(withoutSystemProperties(document as ItemDefinition));

/** Secret metadata (`accountSpecificStreamAnalyticsJob`) for the key rotator. */
export class CosmosSecretMetadataRepository implements SecretMetadataRepository {
  constructor(private readonly container: Container) {}

  async listDueForRotation(cutoff: Date, options: PageOptions = {}): Promise<PagedResult<AccountSpecificStreamAnalyticsJob>> {
    if (Number.isNaN(cutoff.getTime())) throw new ValidationError('The cutoff must be a valid date', { target: 'cutoff' });
    const parameters = [
      { name: '@type', value: DocumentType.AccountSpecificStreamAnalyticsJob },
      { name: '@cutoff', value: cutoff.toISOString() },
    ];
    const action = `list secrets due for rotation (last rotated at or before ${cutoff.toISOString()})`;
    const page = await queryPage(this.container, { query: DUE_FOR_ROTATION_QUERY, parameters }, undefined, options, action);
    return { items: page.documents.map(decodeSecret), continuationToken: page.continuationToken };
  }

  /** One conditional patch: no read-modify-write, so it cannot overwrite a concurrent rotation. */
  async setForceRotation(
    subscriptionId: string,
    id: string,
    forceRotation: boolean,
    options: CallOptions = {},
  ): Promise<AccountSpecificStreamAnalyticsJob> {
    if (typeof forceRotation !== 'boolean') throw new ValidationError('forceRotation must be true or false', { target: 'forceRotation' });
    const action = `set forceRotation=${forceRotation} on secret metadata ${id}`;
    try {
      const { resource } = await withCosmosErrors(
        action,
        () =>
          this.container
            .item(id, subscriptionId)
            .patch({ condition: LIVE_SECRET_PREDICATE, operations: [{ op: 'set', path: '/forceRotation', value: forceRotation }] }, {
              abortSignal: options.signal,
            }),
        options.signal,
      );
      return decodeSecret(resource);
    } catch (error) {
      // 412 here means the condition failed: the document is deleted or is not secret metadata.
      if (error instanceof ConcurrencyConflictError) {
        throw new ResourceNotFoundError(`Could not ${action}: not found`, { cause: error });
      }
      throw error;
    }
  }
}
