/** AMQP error conditions the SDK maps to its ServiceBusError codes (core-amqp errors.js). */
export const Condition = {
  notFound: 'amqp:not-found',
  notImplemented: 'amqp:not-implemented',
  notAllowed: 'amqp:not-allowed',
  decodeError: 'amqp:decode-error',
  internalError: 'amqp:internal-error',
  messageSizeExceeded: 'amqp:link:message-size-exceeded',
  timeout: 'com.microsoft:timeout',
  argumentError: 'com.microsoft:argument-error',
  messageLockLost: 'com.microsoft:message-lock-lost',
  sessionLockLost: 'com.microsoft:session-lock-lost',
  sessionCannotBeLocked: 'com.microsoft:session-cannot-be-locked',
  messageNotFound: 'com.microsoft:message-not-found',
  entityNotFound: 'amqp:not-found',
  deadLetter: 'com.microsoft:dead-letter',
} as const;

export type ConditionName = (typeof Condition)[keyof typeof Condition];

/** A refused broker operation, carrying the AMQP condition sent back to the client. */
export class BrokerError extends Error {
  override readonly name = 'BrokerError';

  constructor(
    readonly condition: ConditionName,
    message: string,
  ) {
    super(message);
  }
}
