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

/** Consumers that do not read a session, served in turn so that competing receivers share messages. */
export class ConsumerRing {
  private readonly consumers: Consumer[] = [];
  private next = 0;

  add(consumer: Consumer): void {
    this.consumers.push(consumer);
  }

  remove(consumer: Consumer): void {
    const index = this.consumers.indexOf(consumer);
    if (index >= 0) this.consumers.splice(index, 1);
  }

  /** The next consumer in turn that has credit, if any. */
  nextWithCredit(): Consumer | undefined {
    for (let tried = 0; tried < this.consumers.length; tried++) {
      const consumer = this.consumers[this.next++ % this.consumers.length];
      if (consumer.credit() > 0) return consumer;
    }
    return undefined;
  }
}
