import { DomainError, DomainErrorKind, DomainErrorOptions } from './domain-error';

/** ARM error codes used across the product (arm-rpc.md §1.6). */
export const ErrorCode = {
  InvalidRequestContent: 'InvalidRequestContent',
  InvalidParameter: 'InvalidParameter',
  InvalidResourceName: 'InvalidResourceName',
  ResourceNotFound: 'ResourceNotFound',
  Conflict: 'Conflict',
  PreconditionFailed: 'PreconditionFailed',
  OperationNotFound: 'OperationNotFound',
  InvalidStatusTransition: 'InvalidStatusTransition',
  TooManyRequests: 'TooManyRequests',
  ServiceUnavailable: 'ServiceUnavailable',
  InternalServerError: 'InternalServerError',
  // ARM identifier and request-line codes (arm-rpc.md §1.1, §1.8).
  InvalidResourceId: 'InvalidResourceId',
  InvalidSubscriptionId: 'InvalidSubscriptionId',
  InvalidResourceGroupName: 'InvalidResourceGroupName',
  InvalidResourceNamespace: 'InvalidResourceNamespace',
  InvalidResourceType: 'InvalidResourceType',
  InvalidLocation: 'InvalidLocation',
  InvalidOperationId: 'InvalidOperationId',
  MissingApiVersionParameter: 'MissingApiVersionParameter',
  InvalidApiVersionParameter: 'InvalidApiVersionParameter',
} as const;

/** A request or document that breaks a rule; `details` lists every problem found. */
export class ValidationError extends DomainError {
  readonly kind: DomainErrorKind = 'validation';
  readonly code: string;

  constructor(message: string, options: DomainErrorOptions & { code?: string } = {}) {
    super(message, options);
    this.code = options.code ?? ErrorCode.InvalidRequestContent;
  }
}

/** The thing asked for does not exist (or is soft-deleted). */
export class ResourceNotFoundError extends DomainError {
  readonly code: string = ErrorCode.ResourceNotFound;
  readonly kind: DomainErrorKind = 'notFound';
}

/** The request conflicts with the current state, e.g. an unfinished operation on the resource. */
export class ConflictError extends DomainError {
  readonly code: string = ErrorCode.Conflict;
  readonly kind: DomainErrorKind = 'conflict';
}

/** An optimistic-concurrency check (ETag `If-Match`) lost a race; reload and try again. */
export class ConcurrencyConflictError extends DomainError {
  readonly code: string = ErrorCode.PreconditionFailed;
  readonly kind: DomainErrorKind = 'preconditionFailed';
}

/** No handler of the chain took the operation (seed 004, "Processing"). */
export class OperationNotFoundError extends DomainError {
  readonly code: string = ErrorCode.OperationNotFound;
  readonly kind: DomainErrorKind = 'internal';
}

/** An operation status change the state machine does not allow. */
export class InvalidStatusTransitionError extends DomainError {
  readonly code: string = ErrorCode.InvalidStatusTransition;
  readonly kind: DomainErrorKind = 'conflict';
}

/** A dependency asked us to slow down; `retryAfterMs` is its hint when it gave one. */
export class ThrottledError extends DomainError {
  readonly code: string = ErrorCode.TooManyRequests;
  readonly kind: DomainErrorKind = 'throttled';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options: DomainErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A passing failure of a dependency; the same request may succeed later. */
export class TransientError extends DomainError {
  readonly code: string = ErrorCode.ServiceUnavailable;
  readonly kind: DomainErrorKind = 'transient';
}
