/**
 * Codes of failures to read a message. They cross process boundaries as strings, like the ARM
 * codes of `@iomt/domain`'s `ErrorCode`, and are never retryable.
 */
export const ContractErrorCode = {
  /** The payload does not match the schema of its subject; `details` lists each problem. */
  InvalidMessage: 'InvalidMessage',
  /** No contract has this subject. */
  UnknownSubject: 'UnknownSubject',
  /** The message was written for another major contract version. */
  UnsupportedContractVersion: 'UnsupportedContractVersion',
} as const;
