import type { Container, ItemDefinition, JSONObject, OperationInput } from '@azure/cosmos';
import {
  AccountRegistryManagementRepository,
  CallOptions,
  ChildResourceEntity,
  DeleteOptions,
  FhirServiceAccount,
  markDeleted,
  RegistryEntity,
  registryEntityFromDocument,
  registryEntityToDocument,
  ResourceNotFoundError,
  ValidationError,
  WriteOptions,
} from '@iomt/domain';
import { withCosmosErrors } from '../cosmos/cosmos-error.mapper';
import { bodyOf, readDocument, withoutSystemProperties, writeOptions } from '../cosmos/stored-documents';
import { executeBatch } from '../cosmos/transactional-batch';
import { CosmosAccountRegistryReadRepository } from './cosmos-account-registry-read.repository';

/** A document Cosmos returned after a write, as its registry entity (with its new `_etag`). */
export function registryEntityOf<T extends RegistryEntity>(resource: ItemDefinition | undefined, action: string): T {
  if (resource === undefined) throw new Error(`Could not ${action}: Cosmos returned no document`);
  return registryEntityFromDocument(withoutSystemProperties(resource)) as T;
}

/**
 * The seed's `AccountRegistryManagementRepository` on Cosmos DB: several children created at
 * once, atomically, in one transactional batch of the subscription partition (where the seed used
 * a stored procedure); upserts; soft deletes that Cosmos purges after the document's `ttl`.
 */
export class CosmosAccountRegistryManagementRepository
  extends CosmosAccountRegistryReadRepository
  implements AccountRegistryManagementRepository
{
  constructor(
    container: Container,
    private readonly deletedDocumentTtlSeconds: number,
  ) {
    super(container);
  }

  async createChildResources(children: readonly ChildResourceEntity[], options: CallOptions = {}): Promise<ChildResourceEntity[]> {
    const documents = children.map((child) => registryEntityToDocument(child));
    const partitions = [...new Set(documents.map((document) => String(document.partitionKey)))];
    if (partitions.length > 1) {
      throw new ValidationError(`Children created together must share one subscription, got ${partitions.join(', ')}`, {
        target: 'subscriptionId',
      });
    }
    const action = `create ${documents.map((d) => `${String(d.type)} ${String(d.id)}`).join(', ') || 'no children'}`;
    const operations = documents.map(
      (document): OperationInput => ({ operationType: 'Create', resourceBody: bodyOf(document) as JSONObject }),
    );
    const results = await executeBatch(this.container, partitions[0] ?? '', operations, action, options.signal);
    return results.map((result) => registryEntityOf<ChildResourceEntity>(result.resourceBody, action));
  }

  upsertChildResource<T extends ChildResourceEntity>(child: T, options: WriteOptions = {}): Promise<T> {
    return this.upsert(child, options);
  }

  upsertAccount(account: FhirServiceAccount, options: WriteOptions = {}): Promise<FhirServiceAccount> {
    return this.upsert(account, options);
  }

  /** Guarded by `ifMatch`, or else by the ETag of the document as read just before. */
  async deleteChildResource<T extends ChildResourceEntity>(child: T, options: DeleteOptions = {}): Promise<T> {
    const action = `delete ${child.type} ${child.id}`;
    const stored = await readDocument(this.container, child.id, child.subscriptionId, action, options);
    if (stored === undefined) throw new ResourceNotFoundError(`Could not ${action}: not found`);
    const current = registryEntityFromDocument(stored);
    const deleted = registryEntityToDocument(markDeleted(current, options.ttl ?? this.deletedDocumentTtlSeconds));
    const etag = options.ifMatch ?? (stored._etag as string | undefined);
    const { resource } = await withCosmosErrors(
      action,
      () => this.container.item(child.id, child.subscriptionId).replace(bodyOf(deleted), writeOptions(etag, options.signal)),
      options.signal,
    );
    return registryEntityOf<T>(resource, action);
  }

  private async upsert<T extends RegistryEntity>(entity: T, options: WriteOptions): Promise<T> {
    const action = `upsert ${entity.type} ${entity.id}`;
    const document = registryEntityToDocument(entity);
    const { resource } = await withCosmosErrors(
      action,
      () => this.container.items.upsert(bodyOf(document), writeOptions(options.ifMatch, options.signal)),
      options.signal,
    );
    return registryEntityOf<T>(resource, action);
  }
}
