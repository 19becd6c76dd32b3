import { BrokerError, Condition } from './broker-error';
import type { Consumer } from './consumer';
import type { Clock, DeadlineScheduler } from './deadline-scheduler';
import type { SessionRecord } from './session-registry';
import type { StoredMessage } from './stored-message';

export interface LockTableContext {
  readonly clock: Clock;
  readonly scheduler: DeadlineScheduler;
  /** The session a message is locked under, when its lock is its session's lock. */
  sessionOf(message: StoredMessage): SessionRecord | undefined;
  /** A message's own lock ran out (it was not renewed or settled in time). */
  onExpired(message: StoredMessage): void;
}

/**
 * The message locks of one entity, by lock token. A message delivered under a session lock
 * lives as long as that session lock; any other lock expires on its own after `lockDurationMs`.
 */
export class LockTable {
  private readonly byToken = new Map<string, StoredMessage>();

  constructor(
    private readonly lockDurationMs: number,
    private readonly context: LockTableContext,
  ) {}

  /** Locks under a session lock (no expiry of its own). */
  lockInSession(message: StoredMessage, record: SessionRecord, holder: Consumer, token: string): void {
    message.lock = { token, lockedUntil: record.lockedUntil, holder };
    this.byToken.set(token, message);
    record.locked.add(message);
  }

  /** Locks (or re-locks, keeping the token) for the entity's lock duration. */
  lockAlone(message: StoredMessage, holder: Consumer | undefined, token: string): number {
    const lockedUntil = this.context.clock.now() + this.lockDurationMs;
    message.lock = { token, lockedUntil, holder };
    this.byToken.set(token, message);
    this.context.scheduler.at(lockedUntil, () => this.expire(message, token));
    return lockedUntil;
  }

  /** The message a valid lock token holds; MessageLockLost or SessionLockLost otherwise. */
  held(token: string): StoredMessage {
    const message = this.byToken.get(token);
    const record = message && this.context.sessionOf(message);
    const now = this.context.clock.now();
    if (record && (record.holder !== message?.lock?.holder || record.lockedUntil <= now)) {
      throw new BrokerError(Condition.sessionLockLost, `The session lock was lost for the message's session '${record.id}'.`);
    }
    if (!message || (!record && (message.lock?.lockedUntil ?? 0) <= now)) {
      throw new BrokerError(Condition.messageLockLost, `The lock supplied is invalid: it expired, or the message was already settled (${token}).`);
    }
    return message;
  }

  /** Extends a valid lock; returns its new expiry (a session message follows its session). */
  renew(token: string): number {
    const message = this.held(token);
    const record = this.context.sessionOf(message);
    if (record) return record.lockedUntil;
    return this.lockAlone(message, message.lock?.holder as Consumer | undefined, token);
  }

  unlock(message: StoredMessage): void {
    if (!message.lock) return;
    this.byToken.delete(message.lock.token);
    this.context.sessionOf(message)?.locked.delete(message);
    message.lock = undefined;
  }

  private expire(message: StoredMessage, token: string): void {
    const lock = message.lock;
    if (!lock || lock.token !== token || lock.lockedUntil > this.context.clock.now()) return;
    this.unlock(message);
    this.context.onExpired(message);
  }
}
