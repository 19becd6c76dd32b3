import { isDomainError } from '@iomt/domain';
import { RpcException } from '@nestjs/microservices';
import type { ReplyError } from '@iomt/contracts';

/**
 * What a thrown value says about itself, as a reply error, or `undefined` when it does not
 * classify itself. Classified values are domain errors, anything with a string `code` and a
 * boolean `retryable` (Service Bus SDK errors, remote errors from replies), and `RpcException`s
 * wrapping one of those.
 */
export function describeFailure(error: unknown): ReplyError | undefined {
  if (isDomainError(error)) {
    const { code, message, target, details } = error.toJSON();
    return { code, message, retryable: error.retryable, ...(target ? { target } : {}), ...(details ? { details } : {}) };
  }
  if (error instanceof RpcException) return describeFailure(error.getError());
  if (isSelfClassified(error)) {
    return { code: error.code, message: typeof error.message === 'string' ? error.message : '', retryable: error.retryable };
  }
  return undefined;
}

/** A short, log-safe description of any thrown value. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return typeof error === 'string' ? error : 'Unknown error';
}

function isSelfClassified(value: unknown): value is { code: string; retryable: boolean; message?: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const { code, retryable } = value as { code?: unknown; retryable?: unknown };
  return typeof code === 'string' && code.length > 0 && typeof retryable === 'boolean';
}
