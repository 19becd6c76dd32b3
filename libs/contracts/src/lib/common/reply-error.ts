import { DomainError, DomainErrorKind, ErrorCode, isDomainError } from '@iomt/domain';
import { ContractErrorCode } from '../contract-error-codes';
import { Reply, ReplyError } from './reply-envelope';

/** Message sent for a failure that is not a `DomainError`: its own text may hold anything (ARO-RP does the same). */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error.';

/** The reply error of a thrown value: a `DomainError` keeps its code, target and details. */
export function replyErrorFrom(error: unknown): ReplyError {
  if (!isDomainError(error)) {
    // An unexpected failure may be passing; the router's attempt limit bounds the retries.
    return { code: ErrorCode.InternalServerError, message: INTERNAL_ERROR_MESSAGE, retryable: true };
  }
  const { code, message, target, details } = error.toJSON();
  return {
    code,
    message,
    retryable: error.retryable,
    ...(target === undefined ? {} : { target }),
    ...(details === undefined ? {} : { details }),
  };
}

/** A failed reply for a thrown value. */
export function errorReply(error: unknown): Extract<Reply<never>, { ok: false }> {
  return { ok: false, error: replyErrorFrom(error) };
}

const VALIDATION_CODES: readonly string[] = [
  ErrorCode.InvalidRequestContent,
  ErrorCode.InvalidParameter,
  ErrorCode.InvalidResourceName,
  ErrorCode.InvalidResourceId,
  ErrorCode.InvalidSubscriptionId,
  ErrorCode.InvalidResourceGroupName,
  ErrorCode.InvalidResourceNamespace,
  ErrorCode.InvalidResourceType,
  ErrorCode.InvalidLocation,
  ErrorCode.InvalidOperationId,
  ErrorCode.MissingApiVersionParameter,
  ErrorCode.InvalidApiVersionParameter,
  ...Object.values(ContractErrorCode),
];

/** What kind of failure a known code is; unknown codes follow the reply's `retryable` flag. */
const KIND_BY_CODE: ReadonlyMap<string, DomainErrorKind> = new Map<string, DomainErrorKind>([
  ...VALIDATION_CODES.map((code) => [code, 'validation'] as const),
  [ErrorCode.ResourceNotFound, 'notFound'],
  [ErrorCode.Conflict, 'conflict'],
  [ErrorCode.InvalidStatusTransition, 'conflict'],
  [ErrorCode.PreconditionFailed, 'preconditionFailed'],
  [ErrorCode.TooManyRequests, 'throttled'],
  [ErrorCode.ServiceUnavailable, 'transient'],
  [ErrorCode.InternalServerError, 'internal'],
  [ErrorCode.OperationNotFound, 'internal'],
]);

/**
 * A failure reported by another service, rebuilt from its reply: same code, message, target and
 * details, and the `retryable` the sender decided (not one derived from the kind here).
 */
export class RemoteOperationError extends DomainError {
  readonly code: string;
  readonly kind: DomainErrorKind;
  private readonly remoteRetryable: boolean;

  constructor(reply: ReplyError) {
    super(reply.message, { target: reply.target, details: reply.details });
    this.code = reply.code;
    this.remoteRetryable = reply.retryable;
    this.kind = KIND_BY_CODE.get(reply.code) ?? (reply.retryable ? 'transient' : 'internal');
  }

  override get retryable(): boolean {
    return this.remoteRetryable;
  }
}

/** Turns the error of a failed reply back into a throwable `DomainError`. */
export function errorFromReply(error: ReplyError): RemoteOperationError {
  return new RemoteOperationError(error);
}
