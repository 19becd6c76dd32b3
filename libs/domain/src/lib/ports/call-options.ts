/** Options every port call takes: cancellation (the seed's `CancellationToken`). */
export interface CallOptions {
  /** Aborts the call; the adapter rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** A write guarded by optimistic concurrency. */
export interface WriteOptions extends CallOptions {
  /** The `_etag` last read; a stale one makes the write fail with `ConcurrencyConflictError`. */
  readonly ifMatch?: string;
}

/** A request for one page of a list. */
export interface PageOptions extends CallOptions {
  /** The `continuationToken` of the previous page; absent for the first page. */
  readonly continuationToken?: string;
  /** Most items wanted in the page; the adapter's default when absent. */
  readonly pageSize?: number;
}

/** One page of a list (the seed's `PagedResult`). */
export interface PagedResult<T> {
  readonly items: readonly T[];
  /** Present when there are more items: pass it back in {@link PageOptions}. */
  readonly continuationToken?: string;
}
