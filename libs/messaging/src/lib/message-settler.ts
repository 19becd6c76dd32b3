import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import { countDeadLettered, markActiveSpanFailed } from './message-tracing';
import { SettlementAction, type SettlementDecision } from './settlement.policy';
import type { SessionSettlement } from './session-source.port';

/**
 * Settles one message at most once, whether the handler does it through its context or the
 * server does it after the handler returns.
 */
export class MessageSettler {
  private outcome: SettlementAction | undefined;

  constructor(
    readonly message: ServiceBusReceivedMessage,
    readonly session: SessionSettlement,
  ) {}

  /** How the message was settled, or `undefined` while it is not. */
  get settledAs(): SettlementAction | undefined {
    return this.outcome;
  }

  complete(): Promise<void> {
    this.claim(SettlementAction.Complete);
    return this.session.complete(this.message);
  }

  abandon(): Promise<void> {
    this.claim(SettlementAction.Abandon);
    return this.session.abandon(this.message);
  }

  deadLetter(reason: string, description: string): Promise<void> {
    this.claim(SettlementAction.DeadLetter);
    markActiveSpanFailed(`dead-lettered: ${reason}`);
    return this.session.deadLetter(this.message, reason, description).then(() => countDeadLettered(this.message, reason));
  }

  // Claimed before the broker answers, so a failed settlement is not tried a second way; the
  // lock then expires and the broker redelivers.
  private claim(action: SettlementAction): void {
    if (this.outcome !== undefined) {
      throw new Error(`Message ${this.message.messageId ?? ''} is already settled (${this.outcome}); cannot ${action} it`);
    }
    this.outcome = action;
  }
}

/** What can be settled: a {@link MessageSettler} or a handler's context. */
type Settleable = Pick<MessageSettler, 'complete' | 'abandon' | 'deadLetter'>;

/** Settles `target` as `decision` says; an already-settled target rejects (never throws synchronously). */
export async function settleAs(target: Settleable, decision: SettlementDecision): Promise<void> {
  if (decision.action === SettlementAction.Complete) return target.complete();
  if (decision.action === SettlementAction.Abandon) return target.abandon();
  return target.deadLetter(decision.reason, decision.description);
}
