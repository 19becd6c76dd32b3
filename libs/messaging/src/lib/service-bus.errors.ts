import { DomainError, DomainErrorKind } from '@iomt/domain';

/** `ClientServiceBus.send()` got no reply in time. Retryable: the request may be redelivered. */
export class ReplyTimeoutError extends DomainError {
  readonly code: string = 'ReplyTimeout';
  readonly kind: DomainErrorKind = 'transient';
}

/** A reply whose body is not a reply envelope. */
export class InvalidReplyError extends DomainError {
  readonly code: string = 'InvalidReply';
  readonly kind: DomainErrorKind = 'internal';
}
