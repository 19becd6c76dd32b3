import { DomainError, DomainErrorKind, ErrorCode } from '@iomt/domain';

/** The bytes of a stored mapping do not match the hash recorded with them (or sent for them). */
export class MappingContentMismatchError extends DomainError {
  readonly code: string = ErrorCode.InternalServerError;
  readonly kind: DomainErrorKind = 'internal';
}
