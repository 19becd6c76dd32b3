import type { ChildResourceEntity, FhirServiceAccount } from '../model';
import type { AccountRegistryReadRepository } from './account-registry-read-repository.port';
import type { CallOptions, WriteOptions } from './call-options';

/** Options of a soft delete. */
export interface DeleteOptions extends WriteOptions {
  /** Seconds until the store purges the deleted document; the model's default when absent. */
  readonly ttl?: number;
}

/**
 * Writes child resources (seed 004 `IAccountRegistryManagementRepository`). Writes validate
 * through the model's codecs, so an invalid entity is refused with a `ValidationError` before it
 * reaches the store.
 */
export interface AccountRegistryManagementRepository extends AccountRegistryReadRepository {
  /**
   * Creates several children atomically, all or none (seed: `CreateChildResourceMetadataAsync`;
   * e.g. a connector with its secret metadata). They must share one subscription partition.
   * @throws ConflictError when one already exists; ValidationError when partitions differ.
   */
  createChildResources(
    children: readonly ChildResourceEntity[],
    options?: CallOptions,
  ): Promise<ChildResourceEntity[]>;

  /**
   * Creates or replaces a child (seed: `UpsertChildResourceMetadataAsync`); returns it with its new `_etag`.
   * @throws ConcurrencyConflictError when `ifMatch` is stale.
   */
  upsertChildResource<T extends ChildResourceEntity>(child: T, options?: WriteOptions): Promise<T>;

  /**
   * Soft-deletes a child (seed: `DeleteChildResourceMetadataAsync`): marks it `deleted` with a `ttl`
   * so reads stop returning it and the store purges it later. Returns the deleted document.
   * @throws ResourceNotFoundError when absent; ConcurrencyConflictError when `ifMatch` is stale.
   */
  deleteChildResource<T extends ChildResourceEntity>(child: T, options?: DeleteOptions): Promise<T>;

  /**
   * Creates or replaces a FHIR service (ours: the gateway's writes of the parent).
   * @throws ConcurrencyConflictError when `ifMatch` is stale.
   */
  upsertAccount(account: FhirServiceAccount, options?: WriteOptions): Promise<FhirServiceAccount>;
}

/** DI token of {@link AccountRegistryManagementRepository}. */
export const ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY = Symbol.for('@iomt/domain:AccountRegistryManagementRepository');
