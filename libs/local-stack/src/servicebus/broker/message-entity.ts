import { randomUUID } from 'node:crypto';
import type { ReceivableOptions } from '../config/entity-definitions';
import { BrokerError, Condition } from './broker-error';
import { ConsumerRing, type Consumer } from './consumer';
import type { EntityContext, Settlement } from './entity-context';
import { LockTable } from './lock-table';
import { SequenceQueue } from './sequence-queue';
import { SessionRegistry, type SessionRecord } from './session-registry';
import { copyMessage, withProperties, type StoredMessage } from './stored-message';

export type { EntityContext, Settlement } from './entity-context';

/**
 * A queue, a topic subscription or a dead-letter queue: its messages by sequence number, the
 * available ones in order (per session when sessions are required), message locks and consumers.
 */
export class MessageEntity {
  readonly messages = new Map<number, StoredMessage>();
  readonly sessions: SessionRegistry | undefined;
  private readonly available = new SequenceQueue();
  private readonly locks: LockTable;
  private readonly consumers = new ConsumerRing();

  constructor(
    readonly path: string,
    readonly options: ReceivableOptions,
    private readonly context: EntityContext,
  ) {
    this.locks = new LockTable(options.lockDurationMs, {
      clock: context.clock,
      scheduler: context.scheduler,
      sessionOf: (message) => this.sessionRecordOf(message),
      onExpired: (message) => (message.state === 'deferred' ? void message.deliveryCount++ : this.returnMessage(message)),
    });
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
    this.consumers.add(consumer);
  }

  /** The consumer went away: free its session (its unsettled messages come back). */
  removeConsumer(consumer: Consumer): void {
    this.consumers.remove(consumer);
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
    const message = this.locks.held(lockToken);
    this.locks.unlock(message);
    if ('properties' in settlement && settlement.properties) withProperties(message, settlement.properties);
    switch (settlement.kind) {
      case 'complete':
        this.messages.delete(message.sequenceNumber);
        return;
      case 'abandon':
        // An abandoned deferred message stays deferred; others become available again.
        if (message.state === 'deferred') message.deliveryCount++;
        else this.returnMessage(message);
        return;
      case 'release':
        if (message.state !== 'deferred') this.makeAvailable(message);
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
    return this.locks.renew(lockToken);
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
      this.locks.lockAlone(message, undefined, lockToken);
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
    for (let consumer = this.consumers.nextWithCredit(); consumer && this.available.size > 0; consumer = this.consumers.nextWithCredit()) {
      const message = this.takeNext(undefined);
      if (!message) return;
      this.deliverTo(consumer, message);
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
    if (record) this.locks.lockInSession(message, record, consumer, lockToken);
    else this.locks.lockAlone(message, consumer, lockToken);
    consumer.deliver(message, lockToken, (message.lock as { lockedUntil: number }).lockedUntil);
  }

  /** The session of a message delivered under a session lock (not a deferred message's own lock). */
  private sessionRecordOf(message: StoredMessage): SessionRecord | undefined {
    if (!this.sessions || message.sessionId === undefined || message.state === 'deferred') return undefined;
    return this.sessions.get(message.sessionId);
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
      this.locks.unlock(message);
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
    withProperties(copy, properties);
    this.context.deadLetter(copy, this);
  }
}
