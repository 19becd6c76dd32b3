import { DomainError, type DomainErrorKind } from '@iomt/domain';

/**
 * The router stopped (shutdown) while an operation ran. Retryable: the message is abandoned, the
 * document stays Running with its attempts, and the next replica to lock the session resumes it.
 */
export class OperationInterruptedError extends DomainError {
  readonly code: string = 'OperationInterrupted';
  readonly kind: DomainErrorKind = 'transient';
}

/** True for the error a shutdown produces, however it reached the caller. */
export function isInterruption(error: unknown, signal: AbortSignal): boolean {
  return error instanceof OperationInterruptedError || (signal.aborted && error === signal.reason);
}
