import { randomUUID } from 'node:crypto';
import type { ReceivableOptions } from '../config/entity-definitions';
import { BrokerError, Condition } from './broker-error';
import type { Consumer } from './consumer';
import type { Clock, DeadlineScheduler } from './deadline-scheduler';
import { SequenceQueue } from './sequence-queue';
import { SessionRegistry, type SessionRecord } from './session-registry';
import { copyMessage, type StoredMessage } from './stored-message';

/** What an entity needs from its namespace. */
export interface EntityContext {
  readonly clock: Clock;
  readonly scheduler: DeadlineScheduler;
  /** Moves a message out of `from` into its dead-letter destination. */
  deadLetter(message: StoredMessage, from: MessageEntity): void;
}

/** How a client settled a locked message. */
export type Settlement =
  | { readonly kind: 'complete' }
  | { readonly kind: 'abandon' | 'defer'; readonly properties?: Record<string, unknown> }
  | { readonly kind: 'deadLetter'; readonly reason?: string; readonly description?: string; readonly properties?: Record<string, unknown> };

/**
 * A queue, a topic subscription or a dead-letter queue: its messages by sequence number, the
 * available ones in order (per session when sessions are required), message locks and consumers.
 */
export class MessageEntity {
  readonly messages = new Map<number, StoredMessage>();
  readonly sessions: SessionRegistry | undefined;
  private readonly available = new SequenceQueue();
  private readonly locks = new Map<string, StoredMessage>();
  private readonly consumers: Consumer[] = [];
  private nextConsumer = 0;

  constructor(
    readonly path: string,
    readonly options: ReceivableOptions,
    private readonly context: EntityContext,
  ) {
    if (options.requiresSession) {
      this.sessions = new SessionRegistry({
        clock: context.clock,
        scheduler: context.scheduler,
        lockDurationMs: options.lockDurationMs,
        onLockExpired: (record) => this.sessionLockExpired(record),
      });
    }
  }

  /** Adds an arriving (or due scheduled) message and hands it to a waiting consumer. */
  enqueue(message: StoredMessage): void {
    if (this.sessions && message.sessionId === undefined) {
      throw new BrokerError(Condition.notAllowed, `The entity '${this.path}' requires sessions: set a sessionId on the message.`);
    }
    this.messages.set(message.sequenceNumber, message);
    if (message.state === 'active') this.makeAvailable(message);
  }

  /** Registers a consumer that does not read a session. */
  addConsumer(consumer: Consumer): void {
    this.consumers.push(consumer);
  }

  /** The consumer went away: free its session (its unsettled messages come back). */
  removeConsumer(consumer: Consumer): void {
    const index = this.consumers.indexOf(consumer);
    if (index >= 0) this.consumers.splice(index, 1);
    const record = consumer.sessionId === undefined ? undefined : this.sessions?.get(consumer.sessionId);
    if (record?.holder === consumer) this.releaseSession(record);
  }

  /** Delivers available messages to `consumer` while it has credit. */
  pump(consumer: Consumer): void {
    while (consumer.credit() > 0) {
      const message = this.takeNext(consumer.sessionId);
      if (!message) return;
      this.deliverTo(consumer, message);
    }
  }

  /** Settles a locked message by its lock token. */
  settle(lockToken: string, settlement: Settlement): void {
    const message = this.lockedMessage(lockToken);
    this.unlock(message);
    if (settlement.kind !== 'complete' && settlement.properties) modifyProperties(message, settlement.properties);
    switch (settlement.kind) {
      case 'complete':
        this.messages.delete(message.sequenceNumber);
        return;
      case 'abandon':
        // An abandoned deferred message stays deferred; others become available again.
        if (message.state === 'deferred') message.deliveryCount++;
        else this.returnMessage(message);
        return;
      case 'defer':
        message.state = 'deferred';
        return;
      case 'deadLetter':
        return this.deadLetter(message, settlement.reason, settlement.description);
    }
  }

  /** Extends a message lock (renew-lock); returns the new expiry. */
  renewLock(lockToken: string): number {
    const message = this.lockedMessage(lockToken);
    const record = this.sessionRecordOf(message);
    if (record) return record.lockedUntil;
    this.lockFor(message, message.lock?.holder as Consumer, this.context.clock.now() + this.options.lockDurationMs, lockToken);
    return (message.lock as { lockedUntil: number }).lockedUntil;
  }

  /** Takes deferred messages by sequence number (receive-by-sequence-number). */
  receiveDeferred(sequenceNumbers: number[], receiveAndDelete: boolean, sessionId: string | undefined): Array<{ message: StoredMessage; lockToken?: string }> {
    const found = sequenceNumbers.map((sequenceNumber) => {
      const message = this.messages.get(sequenceNumber);
      if (!message || message.state !== 'deferred' || message.lock || (sessionId !== undefined && message.sessionId !== sessionId)) {
        throw new BrokerError(Condition.messageNotFound, `No deferred message with sequence number ${sequenceNumber} in '${this.path}'.`);
      }
      return message;
    });
    return found.map((message) => {
      if (receiveAndDelete) {
        this.messages.delete(message.sequenceNumber);
        return { message };
      }
      const lockToken = randomUUID();
      this.lockFor(message, undefined, this.context.clock.now() + this.options.lockDurationMs, lockToken);
      return { message, lockToken };
    });
  }

  /** Removes and dead-letters or drops expired available messages (the periodic sweep). */
  sweepExpired(): void {
    const now = this.context.clock.now();
    for (const message of this.messages.values()) {
      if (message.state === 'active' && !message.lock && message.expiresAt <= now) this.expire(message);
    }
  }

  private makeAvailable(message: StoredMessage): void {
    message.state = 'active';
    if (this.sessions && message.sessionId !== undefined) {
      const holder = this.sessions.messageAvailable(message.sessionId, message.sequenceNumber);
      if (holder) this.pump(holder);
      return;
    }
    this.available.add(message.sequenceNumber);
    this.dispatch();
  }

  /** Round-robin over consumers with credit, one message each, while messages are available. */
  private dispatch(): void {
    let idle = 0;
    while (this.available.size > 0 && idle < this.consumers.length) {
      const consumer = this.consumers[this.nextConsumer++ % this.consumers.length];
      if (consumer.credit() <= 0) {
        idle++;
        continue;
      }
      const message = this.takeNext(undefined);
      if (!message) return;
      this.deliverTo(consumer, message);
      idle = 0;
    }
  }

  private takeNext(sessionId: string | undefined): StoredMessage | undefined {
    const queue = sessionId === undefined || !this.sessions ? this.available : this.sessions.get(sessionId)?.available;
    const now = this.context.clock.now();
    for (let sequenceNumber = queue?.shift(); sequenceNumber !== undefined; sequenceNumber = queue?.shift()) {
      const message = this.messages.get(sequenceNumber);
      if (!message || message.state !== 'active' || message.lock) continue;
      if (message.expiresAt <= now) {
        this.expire(message);
        continue;
      }
      return message;
    }
    return undefined;
  }

  private deliverTo(consumer: Consumer, message: StoredMessage): void {
    if (consumer.receiveAndDelete) {
      this.messages.delete(message.sequenceNumber);
      consumer.deliver(message, undefined, 0);
      return;
    }
    const lockToken = randomUUID();
    const record = this.sessionRecordOf(message);
    if (record) {
      message.lock = { token: lockToken, lockedUntil: record.lockedUntil, holder: consumer };
      this.locks.set(lockToken, message);
      record.locked.add(message);
    } else {
      this.lockFor(message, consumer, this.context.clock.now() + this.options.lockDurationMs, lockToken);
    }
    consumer.deliver(message, lockToken, (message.lock as { lockedUntil: number }).lockedUntil);
  }

  /** Locks (or re-locks) a message outside sessions, with its own expiry. */
  private lockFor(message: StoredMessage, holder: Consumer | undefined, lockedUntil: number, lockToken: string): void {
    message.lock = { token: lockToken, lockedUntil, holder };
    this.locks.set(lockToken, message);
    this.context.scheduler.at(lockedUntil, () => this.lockExpired(message, lockToken));
  }

  private lockExpired(message: StoredMessage, lockToken: string): void {
    const lock = message.lock;
    if (!lock || lock.token !== lockToken || lock.lockedUntil > this.context.clock.now()) return;
    this.unlock(message);
    if (message.state === 'deferred') message.deliveryCount++;
    else this.returnMessage(message);
  }

  /** The message locked by `lockToken`, if its lock (or its session's lock) is still held. */
  private lockedMessage(lockToken: string): StoredMessage {
    const message = this.locks.get(lockToken);
    const record = message && this.sessionRecordOf(message);
    if (record && (record.holder !== message?.lock?.holder || record.lockedUntil <= this.context.clock.now())) {
      throw new BrokerError(Condition.sessionLockLost, `The session lock was lost for the message's session '${record.id}'.`);
    }
    if (!message || (!record && (message.lock?.lockedUntil ?? 0) <= this.context.clock.now())) {
      throw new BrokerError(Condition.messageLockLost, `The lock supplied is invalid: it expired, or the message was already settled (${lockToken}).`);
    }
    return message;
  }

  /** The session of a message delivered under a session lock (not a deferred message's own lock). */
  private sessionRecordOf(message: StoredMessage): SessionRecord | undefined {
    if (!this.sessions || message.sessionId === undefined || message.state === 'deferred') return undefined;
    return this.sessions.get(message.sessionId);
  }

  private unlock(message: StoredMessage): void {
    if (!message.lock) return;
    this.locks.delete(message.lock.token);
    if (message.sessionId !== undefined) this.sessions?.get(message.sessionId)?.locked.delete(message);
    message.lock = undefined;
  }

  /** Back to available after an abandon or a lost lock, or to the dead-letter queue when out of attempts. */
  private returnMessage(message: StoredMessage): void {
    message.deliveryCount++;
    if (message.deliveryCount >= this.options.maxDeliveryCount) {
      this.deadLetter(message, 'MaxDeliveryCountExceeded', `Message could not be consumed after ${this.options.maxDeliveryCount} delivery attempts.`);
    } else {
      this.makeAvailable(message);
    }
  }

  private sessionLockExpired(record: SessionRecord): void {
    record.holder?.sessionLost();
    this.releaseSession(record);
  }

  private releaseSession(record: SessionRecord): void {
    const sessions = this.sessions as SessionRegistry;
    for (const message of sessions.release(record)) {
      this.unlock(message);
      this.returnMessage(message);
    }
    sessions.settle(record);
  }

  private expire(message: StoredMessage): void {
    if (this.options.deadLetterOnExpiration) this.deadLetter(message, 'TTLExpiredException', 'The message expired and was dead lettered.');
    else this.messages.delete(message.sequenceNumber);
  }

  private deadLetter(message: StoredMessage, reason: string | undefined, description: string | undefined): void {
    this.messages.delete(message.sequenceNumber);
    const properties: Record<string, unknown> = {};
    if (reason !== undefined) properties['DeadLetterReason'] = reason;
    if (description !== undefined) properties['DeadLetterErrorDescription'] = description;
    const copy = copyMessage(message, { deadLetterSource: this.path });
    modifyProperties(copy, properties);
    this.context.deadLetter(copy, this);
  }
}

/** Merges properties into the message's application properties (without touching other copies). */
function modifyProperties(message: StoredMessage, properties: Record<string, unknown>): void {
  if (Object.keys(properties).length === 0) return;
  message.amqp = Object.assign(Object.create(Object.getPrototypeOf(message.amqp) as object) as typeof message.amqp, message.amqp, {
    application_properties: { ...(message.amqp.application_properties as object | undefined), ...properties },
  });
}
