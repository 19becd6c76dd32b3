import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import { BaseRpcContext } from '@nestjs/microservices';
import type { MessageSettler } from './message-settler';
import type { SettlementAction } from './settlement.policy';
import type { TraceContext } from './trace-context';

type ServiceBusContextArgs = [ServiceBusReceivedMessage, MessageSettler, string, TraceContext | undefined];

/**
 * What a `@MessagePattern`/`@EventPattern` handler gets with `@Ctx()`: the received message, its
 * session, its trace context, and the settlement operations. A handler that settles the message
 * itself takes over from the server, which then leaves it alone.
 * @publicApi
 */
export class ServiceBusContext extends BaseRpcContext<ServiceBusContextArgs> {
  /** The message as the SDK received it (properties, application properties, delivery count…). */
  getMessage(): ServiceBusReceivedMessage {
    return this.args[0];
  }

  /** The id of the locked session the message belongs to. */
  getSessionId(): string {
    return this.args[1].session.sessionId;
  }

  /** The message subject, which routed it to this handler. */
  getSubject(): string {
    return this.args[2];
  }

  /** Same as {@link getSubject}, under Nest's name. */
  getPattern(): string {
    return this.args[2];
  }

  /** The W3C trace context the message carried, if it carried a valid one. */
  getTraceContext(): TraceContext | undefined {
    return this.args[3];
  }

  /** How the message was settled so far, or `undefined`. */
  getSettlement(): SettlementAction | undefined {
    return this.args[1].settledAs;
  }

  /** Completes the message now. */
  complete(): Promise<void> {
    return this.args[1].complete();
  }

  /** Abandons the message now, for redelivery. */
  abandon(): Promise<void> {
    return this.args[1].abandon();
  }

  /** Dead-letters the message now, with a reason and a description. */
  deadLetter(reason: string, description: string): Promise<void> {
    return this.args[1].deadLetter(reason, description);
  }

  /** Extends the session lock (and so the lock of this message) for a long handler. */
  renewSessionLock(): Promise<Date> {
    return this.args[1].session.renewSessionLock();
  }

  /** Reads the session state; `null` when none was set. */
  getSessionState<T = unknown>(): Promise<T | null> {
    return this.args[1].session.getSessionState() as Promise<T | null>;
  }

  /** Replaces the session state (a hint only: the Operation document is the source of truth). */
  setSessionState(state: unknown): Promise<void> {
    return this.args[1].session.setSessionState(state);
  }
}
