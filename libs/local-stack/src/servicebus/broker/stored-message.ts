import type { Message } from 'rhea';

/** Where a message is in its entity's lifecycle. */
export type MessageState = 'active' | 'deferred' | 'scheduled';

/** Who holds a message lock, so that it can be told when its session is gone. */
export interface MessageLock {
  readonly token: string;
  lockedUntil: number;
  readonly holder: unknown;
}

/**
 * One message in one entity. The AMQP message is kept as rhea decoded it (without header and
 * delivery annotations); the broker's annotations are added each time it is delivered.
 */
export interface StoredMessage {
  readonly sequenceNumber: number;
  enqueuedAt: number;
  expiresAt: number;
  readonly messageId: string;
  readonly sessionId: string | undefined;
  /** Time-to-live the sender set, in ms (header ttl), if any. */
  readonly ttlMs: number | undefined;
  amqp: Message;
  state: MessageState;
  deliveryCount: number;
  lock?: MessageLock;
  scheduledAt?: number;
  deadLetterSource?: string;
}

/** A copy for another entity (topic fan-out, dead-lettering): same content, fresh lifecycle. */
export function copyMessage(message: StoredMessage, changes: Partial<StoredMessage> = {}): StoredMessage {
  return {
    sequenceNumber: message.sequenceNumber,
    enqueuedAt: message.enqueuedAt,
    expiresAt: message.expiresAt,
    messageId: message.messageId,
    sessionId: message.sessionId,
    ttlMs: message.ttlMs,
    amqp: message.amqp,
    state: 'active',
    deliveryCount: message.deliveryCount,
    scheduledAt: message.scheduledAt,
    deadLetterSource: message.deadLetterSource,
    ...changes,
  };
}

/** Merges properties into the message's application properties, without touching other copies. */
export function withProperties(message: StoredMessage, properties: Record<string, unknown>): void {
  if (Object.keys(properties).length === 0) return;
  message.amqp = Object.assign(Object.create(Object.getPrototypeOf(message.amqp) as object) as Message, message.amqp, {
    application_properties: { ...(message.amqp.application_properties as object | undefined), ...properties },
  });
}
