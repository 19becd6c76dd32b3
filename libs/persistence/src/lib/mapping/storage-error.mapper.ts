import {
  ConcurrencyConflictError,
  ConflictError,
  isDomainError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '@iomt/domain';

interface StorageErrorLike {
  readonly statusCode?: number;
  readonly code?: string;
  readonly response?: { readonly headers?: { get(name: string): string | undefined } };
}

/** The `Retry-After` (seconds) of a storage response, in milliseconds. */
function retryAfterMs(error: StorageErrorLike): number | undefined {
  const seconds = Number(error.response?.headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Turns a Blob Storage `RestError` into a domain error (404 → ResourceNotFoundError, 409 →
 * ConflictError, 412 → ConcurrencyConflictError, 400 → ValidationError, 429 → ThrottledError,
 * 5xx and network failures → TransientError). Anything else passes through.
 */
export function mapStorageError(error: unknown, action: string): unknown {
  if (isDomainError(error) || typeof error !== 'object' || error === null) return error;
  const e = error as StorageErrorLike;
  const options = { cause: error };
  const storageCode = e.code ? ` (${e.code})` : '';
  switch (e.statusCode) {
    case 400:
      return new ValidationError(`Could not ${action}: the storage service rejected the request${storageCode}`, options);
    case 404:
      return new ResourceNotFoundError(`Could not ${action}: not found${storageCode}`, options);
    case 409:
      return new ConflictError(`Could not ${action}: conflict${storageCode}`, options);
    case 412:
      return new ConcurrencyConflictError(`Could not ${action}: it was changed by someone else`, options);
    case 429:
      return new ThrottledError(`Could not ${action}: the storage service is throttling requests`, retryAfterMs(e), options);
    default:
      if ((e.statusCode ?? 0) >= 500 || (e.statusCode === undefined && e.code?.startsWith('E'))) {
        return new TransientError(`Could not ${action}: the storage service is unavailable${storageCode}`, options);
      }
      return error;
  }
}
