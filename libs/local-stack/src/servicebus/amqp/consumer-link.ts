import { message as rheaMessage, type Delivery, type EventContext, type Sender } from 'rhea';
import { BrokerError, Condition } from '../broker/broker-error';
import type { Consumer } from '../broker/consumer';
import type { MessageEntity, Settlement } from '../broker/message-entity';
import type { StoredMessage } from '../broker/stored-message';
import { lockTokenToTag, tagToLockToken, toDeliveredMessage } from './message-codec';

/** rhea's sender internals this class adjusts (see `answerDrainAlways`). */
interface RheaSenderInternals {
  credit: number;
  delivery_count: number;
  _draining: boolean;
  _drained: boolean;
  _get_drain: () => boolean;
}

/**
 * A client receiver's link, seen from the broker: delivers an entity's (or a session's)
 * messages as credit allows, turns dispositions into settlements and always settles back.
 */
export class ConsumerLink implements Consumer {
  /** Transfers handed to rhea; rhea only counts them once written, so credit is computed here. */
  private sent = 0;
  private closed = false;

  constructor(
    private readonly sender: Sender,
    private readonly entity: MessageEntity,
    /** Set once acceptNextSession has found a session. */
    public sessionId: string | undefined,
    readonly receiveAndDelete: boolean,
  ) {
    this.answerDrainAlways();
    sender.on('sendable', () => this.entity.pump(this));
    sender.on('sender_flow', () => this.entity.pump(this));
    sender.on('sender_draining', () => {
      this.entity.pump(this);
      sender.set_drained(true);
      // set_drained only flags the flow; make rhea write it even when nothing else was sent.
      (sender.connection as unknown as { _register(): void })._register();
    });
    sender.on('accepted', (context: EventContext) => this.settle(context, { kind: 'complete' }));
    // AMQP 1.0 3.4.4 and Service Bus: `released` does not count as a delivery attempt (the SDK's
    // abandon is `modified`, which does).
    sender.on('released', (context: EventContext) => this.settle(context, { kind: 'release' }));
    sender.on('modified', (context: EventContext) => this.settle(context, modifiedSettlement(context.delivery)));
    sender.on('rejected', (context: EventContext) => this.settle(context, rejectedSettlement(context.delivery)));
  }

  credit(): number {
    if (this.closed || !this.sender.is_open()) return 0;
    const internals = this.sender as unknown as RheaSenderInternals;
    return internals.credit + internals.delivery_count - this.sent;
  }

  deliver(message: StoredMessage, lockToken: string | undefined, lockedUntil: number): void {
    this.sent++;
    const tag = lockToken ? lockTokenToTag(lockToken) : undefined;
    this.sender.send(toDeliveredMessage(message, lockToken ? lockedUntil : undefined), tag);
  }

  sessionLost(): void {
    this.detach(new BrokerError(Condition.sessionLockLost, `The session lock for '${this.sessionId}' expired.`));
  }

  /** Detaches the link with an error (or none) and forgets the consumer. */
  detach(error?: BrokerError): void {
    if (this.closed) return;
    this.closed = true;
    this.entity.removeConsumer(this);
    this.sender.close(error ? { condition: error.condition, description: error.message } : undefined);
  }

  /** The link or its connection went away. */
  onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.entity.removeConsumer(this);
  }

  private settle(context: EventContext, settlement: Settlement): void {
    const delivery = context.delivery as Delivery & { remote_settled: boolean };
    if (delivery.settled) return;
    try {
      this.entity.settle(tagToLockToken(delivery.tag as Buffer), settlement);
      delivery.update(true, acceptedOutcome());
    } catch (error) {
      const brokerError = error instanceof BrokerError ? error : new BrokerError(Condition.internalError, String(error));
      delivery.update(true, rejectedOutcome(brokerError));
    }
    // The SDK never settles its side (it waits for ours), so mark it done or rhea keeps the
    // delivery in its window forever.
    delivery.remote_settled = true;
  }

  /**
   * rhea only reports a completed drain when credit is left over; the SDK waits for the drain
   * flag even when the last transfers used the credit up, and closes the link after 200 ms
   * without it. So every drain request is answered, and the consumed credit accounted here.
   */
  private answerDrainAlways(): void {
    const internals = this.sender as unknown as RheaSenderInternals;
    internals._get_drain = () => {
      if (!internals._draining || !internals._drained) return false;
      internals.delivery_count += internals.credit;
      internals.credit = 0;
      internals._draining = false;
      this.sent = internals.delivery_count;
      return true;
    };
  }
}

function modifiedSettlement(delivery: Delivery | undefined): Settlement {
  const state = (delivery?.remote_state ?? {}) as { undeliverable_here?: boolean; message_annotations?: Record<string, unknown> };
  return { kind: state.undeliverable_here ? 'defer' : 'abandon', properties: state.message_annotations };
}

function rejectedSettlement(delivery: Delivery | undefined): Settlement {
  const error = (delivery?.remote_state as { error?: { info?: Record<string, unknown> } } | undefined)?.error;
  const { DeadLetterReason, DeadLetterErrorDescription, ...properties } = error?.info ?? {};
  return {
    kind: 'deadLetter',
    reason: DeadLetterReason as string | undefined,
    description: DeadLetterErrorDescription as string | undefined,
    properties,
  };
}

/** rhea's outcome builders are untyped in its typings. */
const outcomes = rheaMessage as unknown as Record<'accepted' | 'rejected', (fields?: object) => { described(): never }>;

function acceptedOutcome(): never {
  return outcomes.accepted().described();
}

function rejectedOutcome(error: BrokerError): never {
  return outcomes.rejected({ error: { condition: error.condition, description: error.message } }).described();
}
