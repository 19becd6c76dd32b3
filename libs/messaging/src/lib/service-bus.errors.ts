import { DomainError, DomainErrorKind, DomainErrorOptions } from '@iomt/domain';
import type { ReplyError } from './reply-envelope';

/** `ClientServiceBus.send()` got no reply in time. Retryable: the request may be redelivered. */
export class ReplyTimeoutError extends DomainError {
  readonly code: string = 'ReplyTimeout';
  readonly kind: DomainErrorKind = 'transient';
}

/** The remote handler failed; carries the code, message and retryability its reply gave. */
export class RemoteServiceError extends DomainError {
  readonly code: string;
  readonly kind: DomainErrorKind;

  constructor(error: ReplyError, options: DomainErrorOptions = {}) {
    super(error.message, { target: error.target, details: error.details, ...options });
    this.code = error.code;
    this.kind = error.retryable === true ? 'transient' : 'internal';
  }
}

/** A reply whose body is not a reply envelope. */
export class InvalidReplyError extends DomainError {
  readonly code: string = 'InvalidReply';
  readonly kind: DomainErrorKind = 'internal';
}
