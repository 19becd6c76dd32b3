import type { CompletedOperation, OperationDocument, RegistryEntity } from '../model';
import type { CallOptions, PagedResult, PageOptions } from './call-options';

/** What {@link OperationRepository.createWithResource} wrote, with the store's `_etag`s. */
export interface CreatedOperation {
  readonly resource: RegistryEntity;
  readonly operation: OperationDocument;
}

/**
 * One step of an operation's life written as a whole (the router's start and finish of an
 * attempt): the operation's next version, its resource in the state that version implies, and
 * for a terminal operation its archive record.
 */
export interface OperationTransition {
  readonly operation: OperationDocument;
  /** The `_etag` the operation was read with. */
  readonly ifMatch: string;
  /** The operation's resource with its new state, replaced only if unchanged since `ifMatch`. */
  readonly resource?: { readonly entity: RegistryEntity; readonly ifMatch: string };
  /** The archive record to create (a terminal operation's). */
  readonly completed?: CompletedOperation;
}

/** What {@link OperationRepository.writeTransition} wrote, with the store's `_etag`s. */
export interface WrittenTransition {
  readonly operation: OperationDocument;
  /** The resource as stored, when the transition wrote it. */
  readonly resource?: RegistryEntity;
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

  /**
   * Writes a transition in one transactional batch of the subscription's partition: all or none,
   * so a reader never sees a terminal operation beside a resource still in progress or without its
   * archive record. Only the operation: a plain replace.
   * @throws ConcurrencyConflictError when an `ifMatch` is stale; ConflictError when the archive
   *   record exists; ValidationError for an invalid document or one of another partition.
   */
  writeTransition(transition: OperationTransition, options?: CallOptions): Promise<WrittenTransition>;

  /** Operations of a subscription still Requested or Running, oldest first (the one-at-a-time check). */
  listNonTerminal(subscriptionId: string, options?: PageOptions): Promise<PagedResult<OperationDocument>>;

  /** Operations of every subscription still Requested and enqueued before `cutoff`, oldest first (the sweeper). */
  listRequestedBefore(cutoff: Date, options?: PageOptions): Promise<PagedResult<OperationDocument>>;

  /** Writes the archive record of a terminal operation; writing the same record again is a no-op. */
  writeCompleted(completed: CompletedOperation, options?: CallOptions): Promise<CompletedOperation>;
}

/** DI token of {@link OperationRepository}. */
export const OPERATION_REPOSITORY = Symbol.for('@iomt/domain:OperationRepository');
