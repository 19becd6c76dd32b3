import { DomainError, type DomainErrorKind } from '@iomt/domain';

/** Error codes the key rotator adds to the ARM ones; they reach the operation's `exceptionDetails`. */
export const KeyRotationErrorCode = {
  InputTestFailed: 'StreamAnalyticsInputTestFailed',
  KeyMissing: 'RegeneratedKeyMissing',
} as const;

/**
 * The Stream Analytics input failed its connection test with the regenerated key. Retryable: a
 * key that was just regenerated can take a moment to be accepted, and the job was put back on
 * the untouched old key, so another attempt is safe.
 */
export class InputTestFailedError extends DomainError {
  readonly code: string = KeyRotationErrorCode.InputTestFailed;
  readonly kind: DomainErrorKind = 'transient';
}

/** ARM answered a regeneration without the key (or connection string) of the slot asked for. */
export class RegeneratedKeyMissingError extends DomainError {
  readonly code: string = KeyRotationErrorCode.KeyMissing;
  readonly kind: DomainErrorKind = 'transient';
}
