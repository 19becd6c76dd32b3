import type { Message } from 'rhea';
import type { SendTargetOptions } from '../config/entity-definitions';
import { BrokerError, Condition } from './broker-error';
import type { Clock, DeadlineScheduler, ScheduledAction } from './deadline-scheduler';
import { DuplicateDetector } from './duplicate-detector';
import type { MessageEntity } from './message-entity';

/** A message as a sender handed it over, before it has a sequence number. */
export interface MessageDraft {
  readonly amqp: Message;
  readonly messageId: string;
  readonly sessionId: string | undefined;
  readonly ttlMs: number | undefined;
  /** When set and in the future, the message is scheduled. */
  readonly scheduledAt: number | undefined;
  /** How many auto-forwarding hops the message made so far. */
  readonly hops?: number;
}

export interface SendTargetContext {
  readonly clock: Clock;
  readonly scheduler: DeadlineScheduler;
  /** Puts a numbered message into an entity (which may forward it elsewhere). */
  deliver(entity: MessageEntity, draft: MessageDraft, sequenceNumber: number, enqueuedAt: number): void;
  /** Shows a message scheduled for `at` in an entity (peek), or removes it when `at` is undefined. */
  placeholder(entity: MessageEntity, draft: MessageDraft, sequenceNumber: number, at: number | undefined): void;
}

/**
 * A queue or topic as senders see it: sequence numbers, duplicate detection and scheduled
 * messages. `routes` names the entities a message goes to (the queue, or the matching subscriptions).
 */
export class SendTarget {
  private nextSequenceNumber = 1;
  private readonly duplicates: DuplicateDetector | undefined;
  private readonly scheduled = new Map<number, { draft: MessageDraft; action: ScheduledAction }>();

  constructor(
    readonly name: string,
    readonly options: SendTargetOptions,
    private readonly routes: (draft: MessageDraft) => MessageEntity[],
    private readonly context: SendTargetContext,
  ) {
    this.duplicates = options.requiresDuplicateDetection ? new DuplicateDetector(options.duplicateWindowMs) : undefined;
  }

  /** Accepts a sent message: dropped when a duplicate, scheduled when it asks to be. */
  accept(draft: MessageDraft): void {
    this.checkSessions(draft);
    const now = this.context.clock.now();
    if (this.duplicates?.isDuplicate(draft.messageId, now)) return;
    if (draft.scheduledAt !== undefined && draft.scheduledAt > now) {
      this.schedule(draft, draft.scheduledAt);
      return;
    }
    this.route(draft, this.nextSequenceNumber++, now);
  }

  /** Schedules a message for `at`; returns its sequence number (schedule-message). */
  schedule(draft: MessageDraft, at: number): number {
    this.checkSessions(draft);
    const sequenceNumber = this.nextSequenceNumber++;
    const entities = this.routes(draft);
    for (const entity of entities) this.context.placeholder(entity, draft, sequenceNumber, at);
    const action = this.context.scheduler.at(at, () => {
      this.scheduled.delete(sequenceNumber);
      for (const entity of entities) this.context.placeholder(entity, draft, sequenceNumber, undefined);
      this.route(draft, sequenceNumber, this.context.clock.now());
    });
    this.scheduled.set(sequenceNumber, { draft, action });
    return sequenceNumber;
  }

  /** Cancels a scheduled message (cancel-scheduled-message). */
  cancel(sequenceNumber: number): void {
    const entry = this.scheduled.get(sequenceNumber);
    if (!entry) {
      throw new BrokerError(Condition.messageNotFound, `No scheduled message with sequence number ${sequenceNumber} in '${this.name}'.`);
    }
    entry.action.cancel();
    this.scheduled.delete(sequenceNumber);
    for (const entity of this.routes(entry.draft)) this.context.placeholder(entity, entry.draft, sequenceNumber, undefined);
  }

  /** Refuses, before anything is stored, a message without session id for a session entity. */
  private checkSessions(draft: MessageDraft): void {
    const entity = draft.sessionId === undefined ? this.routes(draft).find((e) => e.options.requiresSession) : undefined;
    if (entity) {
      throw new BrokerError(Condition.notAllowed, `The entity '${entity.path}' requires sessions: set a sessionId on the message.`);
    }
  }

  private route(draft: MessageDraft, sequenceNumber: number, enqueuedAt: number): void {
    for (const entity of this.routes(draft)) this.context.deliver(entity, draft, sequenceNumber, enqueuedAt);
  }
}
