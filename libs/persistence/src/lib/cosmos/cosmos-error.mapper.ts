import {
  ConcurrencyConflictError,
  ConflictError,
  DomainError,
  ErrorCode,
  isDomainError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '@iomt/domain';

/** The parts of an `@azure/cosmos` `ErrorResponse` (or a network error) the mapping reads. */
interface CosmosErrorLike {
  readonly code?: number | string;
  readonly retryAfterInMs?: number;
  readonly retryAfterInMilliseconds?: number;
  readonly headers?: Readonly<Record<string, string | number | undefined>>;
}

/** Node network error codes after which the same request may succeed. */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'TimeoutError']);

/** Status codes after which the same request may succeed: timeout, gone, retry-with, server errors. */
const TRANSIENT_STATUS_CODES = new Set([408, 410, 449, 500, 502, 503, 504]);

/** The server's retry-after hint in milliseconds, when it gave one. */
export function retryAfterMsOf(error: unknown): number | undefined {
  const e = (error ?? {}) as CosmosErrorLike;
  const header = e.headers?.['x-ms-retry-after-ms'];
  const candidates = [e.retryAfterInMs, e.retryAfterInMilliseconds, header === undefined ? undefined : Number(header)];
  return candidates.find((value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0);
}

/**
 * Turns a Cosmos failure into a domain error: 404 → ResourceNotFoundError, 409 → ConflictError,
 * 412 → ConcurrencyConflictError, 429 → ThrottledError (with the server's retry-after, which the SDK
 * has already waited out `maxThrottleRetries` times), 400/413 → ValidationError, 408/410/449/5xx
 * and network failures → TransientError. Domain errors and anything unrecognised pass through.
 * `action` says what was attempted (`read IoMT connector x`); it never contains document bodies.
 */
export function mapCosmosError(error: unknown, action: string): unknown {
  if (isDomainError(error) || typeof error !== 'object' || error === null) return error;
  const { code } = error as CosmosErrorLike;
  const options = { cause: error };
  if (typeof code === 'string') {
    return TRANSIENT_NETWORK_CODES.has(code)
      ? new TransientError(`Could not ${action}: the Global DB could not be reached (${code})`, options)
      : error;
  }
  if (typeof code !== 'number') return error;
  const known = mapStatus(code, action, error);
  if (known) return known;
  return TRANSIENT_STATUS_CODES.has(code) || code >= 500
    ? new TransientError(`Could not ${action}: the Global DB is unavailable (${code})`, options)
    : error;
}

function mapStatus(status: number, action: string, cause: unknown): DomainError | undefined {
  const options = { cause };
  switch (status) {
    case 400:
      return new ValidationError(`Could not ${action}: the Global DB rejected the request as invalid`, {
        ...options,
        code: ErrorCode.InvalidParameter,
      });
    case 404:
      return new ResourceNotFoundError(`Could not ${action}: not found`, options);
    case 409:
      return new ConflictError(`Could not ${action}: a document with the same id already exists`, options);
    case 412:
      return new ConcurrencyConflictError(`Could not ${action}: it was changed by someone else (ETag mismatch)`, options);
    case 413:
      return new ValidationError(`Could not ${action}: the document is too large`, options);
    case 429:
      return new ThrottledError(`Could not ${action}: the Global DB is throttling requests`, retryAfterMsOf(cause), options);
    default:
      return undefined;
  }
}

/**
 * Runs a Cosmos call and maps its failure with {@link mapCosmosError}. A cancelled call (its
 * `signal` aborted, before or during the call) rejects with the signal's reason, as ports promise.
 */
export async function withCosmosErrors<T>(action: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  try {
    return await call();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw mapCosmosError(error, action);
  }
}
