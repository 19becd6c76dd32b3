import type { CompletedOperation, OperationDocument, RegistryEntity } from '../model';
import type { CallOptions, PagedResult, PageOptions } from './call-options';

/** What {@link OperationRepository.createWithResource} wrote, with the store's `_etag`s. */
export interface CreatedOperation {
  readonly resource: RegistryEntity;
  readonly operation: OperationDocument;
}

/** Options of {@link OperationRepository.createWithResource}. */
export interface CreateOperationOptions extends CallOptions {
  /** The resource's `_etag` when replacing it (an update or delete request); absent to create it. */
  readonly resourceIfMatch?: string;
}

/**
 * Operations in the Global DB (seed 004 `OperationDocument`, type `provisioningrequest`), one
 * partition per customer subscription. The operation document is the source of truth
 * (ARCHITECTURE.md invariant 2).
 */
export interface OperationRepository {
  /**
   * Writes a resource document and its new Requested operation in one transactional batch of
   * the subscription's partition (the gateway's accept step; the outbox of invariant 3).
   * @throws ConflictError when the resource (on create) or the operation id exists;
   * ConcurrencyConflictError when `resourceIfMatch` is stale; ValidationError for an invalid document.
   */
  createWithResource(
    resource: RegistryEntity,
    operation: OperationDocument,
    options?: CreateOperationOptions,
  ): Promise<CreatedOperation>;

  /** An operation by id, or undefined. */
  get(subscriptionId: string, operationId: string, options?: CallOptions): Promise<OperationDocument | undefined>;

  /**
   * Replaces an operation if it has not changed since it was read; returns it with its new `_etag`.
   * @throws ConcurrencyConflictError when `ifMatch` is stale; ResourceNotFoundError when absent.
   */
  update(
    operation: OperationDocument,
    options: CallOptions & { readonly ifMatch: string },
  ): Promise<OperationDocument>;

  /** Operations of a subscription still Requested or Running, oldest first (the one-at-a-time check). */
  listNonTerminal(subscriptionId: string, options?: PageOptions): Promise<PagedResult<OperationDocument>>;

  /** Operations of every subscription still Requested and enqueued before `cutoff`, oldest first (the sweeper). */
  listRequestedBefore(cutoff: Date, options?: PageOptions): Promise<PagedResult<OperationDocument>>;

  /** Writes the archive record of a terminal operation; writing the same record again is a no-op. */
  writeCompleted(completed: CompletedOperation, options?: CallOptions): Promise<CompletedOperation>;
}

/** DI token of {@link OperationRepository}. */
export const OPERATION_REPOSITORY = Symbol.for('@iomt/domain:OperationRepository');
