import { HttpException } from '@nestjs/common';
import { DomainError, DomainErrorKind, ErrorCode, isDomainError, ThrottledError } from '@iomt/domain';
import { ArmErrorBody, armErrorBody } from './arm-error-body';
import { ArmErrorCode } from './arm-error-codes';
import { ArmRequestError } from './arm-request-error';

/** What the gateway answers for a failure. */
export interface ErrorResponse {
  readonly status: number;
  readonly body: { error: ArmErrorBody };
  readonly headers: Readonly<Record<string, string>>;
}

/** HTTP status per kind of domain failure. */
export const STATUS_BY_KIND: Readonly<Record<DomainErrorKind, number>> = {
  validation: 400,
  notFound: 404,
  conflict: 409,
  preconditionFailed: 412,
  throttled: 429,
  transient: 503,
  internal: 500,
};

/** Codes of Nest's own HTTP exceptions (unknown routes, Nest's bad-request errors). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: ErrorCode.InvalidRequestContent,
  404: ArmErrorCode.NotFound,
  405: ArmErrorCode.NotFound,
  413: ArmErrorCode.RequestEntityTooLarge,
  415: ArmErrorCode.UnsupportedMediaType,
};

function fromDomainError(error: DomainError): ErrorResponse {
  const status = STATUS_BY_KIND[error.kind];
  const headers: Record<string, string> = {};
  if (error instanceof ThrottledError && error.retryAfterMs !== undefined) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  }
  if (status >= 500) return internalError(status, error.code);
  return { status, body: armErrorBody(error.code, error.message, error.target, error.details), headers };
}

function internalError(status = 500, code: string = ErrorCode.InternalServerError): ErrorResponse {
  // Never echo an unexpected error's message: it may carry internals.
  const message = status === 503 ? 'The service is temporarily unavailable; retry later.' : 'Internal server error.';
  return { status, body: armErrorBody(code, message), headers: status === 503 ? { 'retry-after': '10' } : {} };
}

function fromHttpException(error: HttpException): ErrorResponse {
  const status = error.getStatus();
  const code = CODE_BY_STATUS[status];
  if (code === undefined || status >= 500) return internalError(status >= 500 ? status : 500);
  return { status, body: armErrorBody(code, error.message), headers: {} };
}

/**
 * Maps anything thrown while serving an ARM request to its status, ARM error body and headers:
 * `ArmRequestError` as it says, `DomainError` by kind, Nest's HTTP exceptions by status, and
 * anything else to a 500 that tells nothing about the cause.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof ArmRequestError) {
    return {
      status: error.status,
      body: armErrorBody(error.code, error.message, error.options.target, error.options.details),
      headers: error.options.headers ?? {},
    };
  }
  if (isDomainError(error)) return fromDomainError(error);
  if (error instanceof HttpException) return fromHttpException(error);
  return internalError();
}
