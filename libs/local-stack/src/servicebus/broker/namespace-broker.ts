import type { NamespaceDefinition, ReceivableOptions } from '../config/entity-definitions';
import { BrokerError, Condition } from './broker-error';
import { DeadlineScheduler, systemClock, type Clock } from './deadline-scheduler';
import { MessageEntity, type EntityContext } from './message-entity';
import { SendTarget, type MessageDraft, type SendTargetContext } from './send-target';
import type { StoredMessage } from './stored-message';
import { matchesRules } from './subscription-filter';

/** Message counts of one entity, for tests and diagnostics. */
export interface EntityCounts {
  readonly active: number;
  readonly locked: number;
  readonly deferred: number;
  readonly scheduled: number;
  readonly deadLettered: number;
}

const DEAD_LETTER_SUFFIX = '/$deadletterqueue';
/** Auto-forwarding chains longer than this are cut (Service Bus allows 4 hops). */
const MAX_FORWARD_HOPS = 4;

/**
 * The namespace: the declared queues, topics and subscriptions (each with a dead-letter queue),
 * looked up by AMQP address, case-insensitively as Service Bus does.
 */
export class NamespaceBroker {
  readonly scheduler: DeadlineScheduler;
  private readonly targets = new Map<string, SendTarget>();
  private readonly entities = new Map<string, MessageEntity>();
  private readonly deadLetterQueues = new Map<MessageEntity, MessageEntity>();
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(
    definition: NamespaceDefinition,
    readonly clock: Clock = systemClock,
    sweepIntervalMs = 1000,
  ) {
    this.scheduler = new DeadlineScheduler(clock);
    for (const queue of definition.queues) {
      const entity = this.addEntity(queue.name, queue.options);
      this.targets.set(queue.name.toLowerCase(), new SendTarget(queue.name, queue.options, () => [entity], this.targetContext()));
    }
    for (const topic of definition.topics) {
      const subscriptions = topic.subscriptions.map((s) => ({ rules: s.rules, entity: this.addEntity(`${topic.name}/Subscriptions/${s.name}`, s.options) }));
      const routes = (draft: MessageDraft): MessageEntity[] => subscriptions.filter((s) => matchesRules(s.rules, draft.amqp)).map((s) => s.entity);
      this.targets.set(topic.name.toLowerCase(), new SendTarget(topic.name, topic.options, routes, this.targetContext()));
    }
    this.sweepTimer = setInterval(() => this.entities.forEach((entity) => entity.sweepExpired()), sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** The queue or topic messages are sent to at `address`; MessagingEntityNotFound otherwise. */
  sendTarget(address: string): SendTarget {
    const target = this.targets.get(address.toLowerCase());
    if (!target) throw new BrokerError(Condition.entityNotFound, `The messaging entity '${address}' could not be found (send to a declared queue or topic).`);
    return target;
  }

  /** The queue, subscription or dead-letter queue messages are received from at `address`. */
  receivable(address: string): MessageEntity {
    const entity = this.entities.get(address.toLowerCase());
    if (!entity) throw new BrokerError(Condition.entityNotFound, `The messaging entity '${address}' could not be found.`);
    return entity;
  }

  /** Message counts of a queue or subscription (dead-lettered = its dead-letter queue's messages). */
  inspect(path: string): EntityCounts {
    const entity = this.receivable(path);
    entity.sweepExpired();
    const counts = { active: 0, locked: 0, deferred: 0, scheduled: 0 };
    for (const message of entity.messages.values()) {
      if (message.lock) counts.locked++;
      if (message.state === 'active') counts.active++;
      else counts[message.state]++;
    }
    return { ...counts, deadLettered: this.deadLetterQueues.get(entity)?.messages.size ?? 0 };
  }

  /** Stops timers and pending acceptNextSession waits. */
  stop(): void {
    clearInterval(this.sweepTimer);
    this.scheduler.stop();
    for (const entity of this.entities.values()) entity.sessions?.cancelWaiters();
  }

  private addEntity(path: string, options: ReceivableOptions): MessageEntity {
    const context = this.entityContext();
    const entity = new MessageEntity(path, options, context);
    const deadLetterOptions = { ...options, requiresSession: false, maxDeliveryCount: Number.MAX_SAFE_INTEGER, deadLetterOnExpiration: false, defaultTtlMs: Infinity };
    const deadLetterQueue = new MessageEntity(`${path}/$DeadLetterQueue`, deadLetterOptions, context);
    this.entities.set(path.toLowerCase(), entity);
    this.entities.set(path.toLowerCase() + DEAD_LETTER_SUFFIX, deadLetterQueue);
    this.deadLetterQueues.set(entity, deadLetterQueue);
    return entity;
  }

  private entityContext(): EntityContext {
    return {
      clock: this.clock,
      scheduler: this.scheduler,
      deadLetter: (message, from) => {
        const forwardTo = from.options.forwardDeadLetteredTo;
        if (forwardTo) {
          this.sendTarget(forwardTo).accept({ ...message, scheduledAt: undefined });
          return;
        }
        this.deadLetterQueues.get(from)?.enqueue({ ...message, expiresAt: Infinity, lock: undefined, state: 'active' });
      },
    };
  }

  private targetContext(): SendTargetContext {
    return {
      clock: this.clock,
      scheduler: this.scheduler,
      deliver: (entity, draft, sequenceNumber, enqueuedAt) => {
        const hops = draft.hops ?? 0;
        if (entity.options.forwardTo && hops < MAX_FORWARD_HOPS) {
          this.sendTarget(entity.options.forwardTo).accept({ ...draft, scheduledAt: undefined, hops: hops + 1 });
          return;
        }
        entity.enqueue(this.toStored(entity, draft, sequenceNumber, enqueuedAt));
      },
      placeholder: (entity, draft, sequenceNumber, at) => {
        if (at === undefined) entity.messages.delete(sequenceNumber);
        else entity.messages.set(sequenceNumber, { ...this.toStored(entity, draft, sequenceNumber, at), state: 'scheduled', scheduledAt: at });
      },
    };
  }

  private toStored(entity: MessageEntity, draft: MessageDraft, sequenceNumber: number, enqueuedAt: number): StoredMessage {
    const ttlMs = Math.min(draft.ttlMs ?? Infinity, entity.options.defaultTtlMs);
    return {
      sequenceNumber,
      enqueuedAt,
      expiresAt: enqueuedAt + ttlMs,
      messageId: draft.messageId,
      sessionId: draft.sessionId,
      ttlMs: draft.ttlMs,
      amqp: draft.amqp,
      state: 'active',
      deliveryCount: 0,
    };
  }
}
