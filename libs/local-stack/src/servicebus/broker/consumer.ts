import type { StoredMessage } from './stored-message';

/** A receiver of an entity's messages (an AMQP link to a client receiver). */
export interface Consumer {
  /** The locked session this consumer reads, for session receivers. */
  readonly sessionId: string | undefined;
  /** Receive-and-delete: messages are removed when delivered, not locked. */
  readonly receiveAndDelete: boolean;
  /** How many more messages the client asked for. */
  credit(): number;
  /** Hands over a message; `lockToken` is undefined in receive-and-delete mode. */
  deliver(message: StoredMessage, lockToken: string | undefined, lockedUntil: number): void;
  /** The session lock expired: the consumer must drop the session (detach its link). */
  sessionLost(): void;
}
