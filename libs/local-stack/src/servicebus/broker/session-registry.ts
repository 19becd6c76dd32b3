import { BrokerError, Condition } from './broker-error';
import type { Consumer } from './consumer';
import type { Clock, DeadlineScheduler, ScheduledAction } from './deadline-scheduler';
import { SequenceQueue } from './sequence-queue';
import type { StoredMessage } from './stored-message';

/** One message session of a session-enabled entity. */
export class SessionRecord {
  readonly available = new SequenceQueue();
  /** Messages delivered under the session lock and not settled yet. */
  readonly locked = new Set<StoredMessage>();
  state: Buffer | undefined;
  holder: Consumer | undefined;
  lockedUntil = 0;
  expiry: ScheduledAction | undefined;

  constructor(readonly id: string) {}
}

interface Waiter {
  readonly holder: Consumer;
  readonly resolve: (sessionId: string | undefined) => void;
  timeout?: ScheduledAction;
}

export interface SessionRegistryContext {
  readonly clock: Clock;
  readonly scheduler: DeadlineScheduler;
  readonly lockDurationMs: number;
  /** The session lock of `record` ran out. */
  onLockExpired(record: SessionRecord): void;
}

/**
 * Sessions of one entity: who holds each session lock, which unlocked sessions have messages
 * (`ready`, in arrival order) and which acceptNextSession requests are waiting for one.
 */
export class SessionRegistry {
  readonly records = new Map<string, SessionRecord>();
  private readonly ready = new Set<string>();
  private readonly waiters: Waiter[] = [];

  constructor(private readonly context: SessionRegistryContext) {}

  get(sessionId: string): SessionRecord | undefined {
    return this.records.get(sessionId);
  }

  getOrCreate(sessionId: string): SessionRecord {
    let record = this.records.get(sessionId);
    if (!record) {
      record = new SessionRecord(sessionId);
      this.records.set(sessionId, record);
    }
    return record;
  }

  /** A message of the session became available; returns the consumer to feed, if it is locked. */
  messageAvailable(sessionId: string, sequenceNumber: number): Consumer | undefined {
    const record = this.getOrCreate(sessionId);
    record.available.add(sequenceNumber);
    if (record.holder) return record.holder;
    this.offer(record);
    return undefined;
  }

  /** Locks a given session for `holder` (acceptSession); refused while another holds it. */
  lock(sessionId: string, holder: Consumer): number {
    const record = this.getOrCreate(sessionId);
    if (record.holder && record.holder !== holder) {
      throw new BrokerError(Condition.sessionCannotBeLocked, `The session '${sessionId}' is locked by another receiver.`);
    }
    this.ready.delete(sessionId);
    record.holder = holder;
    this.extend(record);
    return record.lockedUntil;
  }

  /** Locks the next session with messages for `holder`, waiting up to `timeoutMs` for one. */
  acceptNext(holder: Consumer, timeoutMs: number, resolve: (sessionId: string | undefined) => void): () => void {
    const next = this.ready.values().next();
    if (!next.done) {
      this.lock(next.value, holder);
      resolve(next.value);
      return () => undefined;
    }
    const waiter: Waiter = { holder, resolve };
    waiter.timeout = this.context.scheduler.at(this.context.clock.now() + timeoutMs, () => {
      this.removeWaiter(waiter);
      resolve(undefined);
    });
    this.waiters.push(waiter);
    return () => {
      waiter.timeout?.cancel();
      this.removeWaiter(waiter);
    };
  }

  /** Extends the lock of a session `holder` holds (renew-session-lock). */
  renew(sessionId: string): number {
    const record = this.heldRecord(sessionId);
    this.extend(record);
    return record.lockedUntil;
  }

  /** The record of a session whose lock is held and current, or SessionLockLost. */
  heldRecord(sessionId: string): SessionRecord {
    const record = this.records.get(sessionId);
    if (!record?.holder || record.lockedUntil <= this.context.clock.now()) {
      throw new BrokerError(Condition.sessionLockLost, `The session lock for '${sessionId}' was lost or is not held.`);
    }
    return record;
  }

  /** Frees the session; returns its unsettled messages for the entity to make available again. */
  release(record: SessionRecord): StoredMessage[] {
    record.holder = undefined;
    record.expiry?.cancel();
    record.expiry = undefined;
    const unsettled = [...record.locked];
    record.locked.clear();
    return unsettled;
  }

  /** After a release and re-queueing: offer the session again, or forget it when empty. */
  settle(record: SessionRecord): void {
    if (record.holder) return;
    if (record.available.size > 0) this.offer(record);
    else if (record.state === undefined) this.records.delete(record.id);
  }

  /** Cancels every waiting acceptNextSession (the emulator stops). */
  cancelWaiters(): void {
    for (const waiter of this.waiters.splice(0)) waiter.timeout?.cancel();
  }

  private offer(record: SessionRecord): void {
    const waiter = this.waiters.shift();
    if (!waiter) {
      this.ready.add(record.id);
      return;
    }
    waiter.timeout?.cancel();
    this.lock(record.id, waiter.holder);
    waiter.resolve(record.id);
  }

  private extend(record: SessionRecord): void {
    record.lockedUntil = this.context.clock.now() + this.context.lockDurationMs;
    record.expiry?.cancel();
    record.expiry = this.context.scheduler.at(record.lockedUntil, () => {
      record.expiry = undefined;
      this.context.onLockExpired(record);
    });
  }

  private removeWaiter(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
