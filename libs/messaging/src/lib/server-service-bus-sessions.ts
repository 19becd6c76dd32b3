import type { ServiceBusClient, ServiceBusReceivedMessage } from '@azure/service-bus';
import { contractApplicationProperties, okReply, type Reply } from '@iomt/contracts';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants';
import { lastValueFrom } from 'rxjs';
import { DeadLetterReason, SERVICE_BUS_DEFAULT_REQUEST_HEARTBEAT_MS, SERVICE_BUS_SESSIONS_TRANSPORT } from './constants';
import { failureMessage } from './failure';
import { isRequest, malformation } from './inbound-message';
import { MessageSettler, settleAs } from './message-settler';
import { inConsumerSpan, markActiveSpanFailed } from './message-tracing';
import { failureReply, sendReply } from './reply-message';
import { heartbeatMessageFor } from './reply-progress';
import { RequestHeartbeat } from './request-heartbeat';
import { ServiceBusContext } from './service-bus.context';
import { assertConnection, ServiceBusServerOptions } from './service-bus.options';
import { entityPathOf } from './service-bus-entity';
import { isSessionLockLost } from './service-bus-errors';
import { createServerTransport } from './server-transport.factory';
import { deadLetter, defaultSettlementPolicy, SettlementAction, SettlementDecision, settlementOfAnsweredRequest } from './settlement.policy';
import type { MessageSink, SessionSettlement, SessionSource } from './session-source.port';
import { runWithTraceContext, type TraceContext } from './trace-context';
import { TracePropagator, W3CTracePropagator } from './trace-propagator';

/** Events a {@link ServerServiceBusSessions} reports through `on()`. */
export type ServiceBusServerEvents = { error: (error: unknown, sessionId?: string) => void };

/** Status values of {@link ServerServiceBusSessions}. */
export type ServiceBusServerStatus = 'connected' | 'disconnected';

/**
 * NestJS transport strategy consuming a session-enabled Service Bus queue or subscription:
 * routes each message by `subject` to a `@MessagePattern` (when it has `replyTo`) or
 * `@EventPattern` handler, handles a session's messages one at a time in order, settles each
 * message explicitly and replies to requests. Register `ServiceBusExceptionFilter` so that the
 * settlement policy sees handlers' errors rather than Nest's "Internal server error".
 *
 * While a request's handler runs, its requester gets a heartbeat every `requestHeartbeatMs` (a
 * progress message without a percentage), so that its reply timeout bounds our silence, not the
 * length of the work (an ARM deployment can take many minutes).
 *
 * A failed request always gets an error reply (with the error's `retryable` flag) before it is
 * settled, so its requester never waits for a timeout. A request whose reply was sent is completed
 * where the policy says abandon: the requester owns retries (the router counts attempts), so a
 * broker redelivery would only run the work a second time behind its back. Dead-letter decisions
 * stand (the reply is sent, the message kept for inspection). When the reply itself cannot be
 * sent, the policy's decision stands, so an abandoned request is redelivered and answered then.
 * Events keep the policy's decision: a retryable failure abandons them for redelivery.
 * @publicApi
 */
export class ServerServiceBusSessions
  extends Server<ServiceBusServerEvents, ServiceBusServerStatus>
  implements CustomTransportStrategy
{
  override transportId = SERVICE_BUS_SESSIONS_TRANSPORT;
  protected override readonly logger = new Logger(ServerServiceBusSessions.name);
  private readonly policy;
  private readonly propagator: TracePropagator;
  private readonly errorListeners: ServiceBusServerEvents['error'][] = [];
  private client: ServiceBusClient | undefined;
  private ownsClient = false;
  private source: SessionSource | undefined;
  private sink: MessageSink | undefined;

  constructor(private readonly options: ServiceBusServerOptions) {
    super();
    assertConnection('ServerServiceBusSessions', options);
    this.policy = options.settlementPolicy ?? defaultSettlementPolicy;
    this.propagator = options.tracePropagator ?? new W3CTracePropagator();
  }

  /** Starts consuming sessions; calls back with no argument once started, or with the error. */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.connect().start(
        (message, session) => this.handleMessage(message, session),
        (error, sessionId) => this.reportError(error, sessionId),
      );
      this._status$.next('connected');
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops accepting sessions, drains the handlers in flight, then closes senders and client. */
  async close(): Promise<void> {
    await this.source?.stop();
    await this.sink?.close();
    if (this.ownsClient) await this.client?.close();
    this._status$.next('disconnected');
  }

  /** Registers a listener of transport errors that concern no single message (lost session locks, broken links). */
  on<K extends keyof ServiceBusServerEvents>(event: K, callback: ServiceBusServerEvents[K]): void {
    if (event === 'error') this.errorListeners.push(callback);
  }

  /** The SDK client, once listening on a connection string or a given client. */
  unwrap<T>(): T {
    if (this.client === undefined) throw new Error('Not initialized. Call listen() (startAllMicroservices) first.');
    return this.client as T;
  }

  /**
   * Routes, runs and settles one message, in a CONSUMER span continuing the trace the message
   * carried; never rejects.
   */
  async handleMessage(message: ServiceBusReceivedMessage, session: SessionSettlement): Promise<void> {
    const trace = this.propagator.extract(message.applicationProperties);
    const entityPath = entityPathOf(this.options.entity);
    await inConsumerSpan(entityPath, message, trace, () => this.route(message, session, trace));
  }

  private async route(message: ServiceBusReceivedMessage, session: SessionSettlement, trace: TraceContext | undefined): Promise<void> {
    const settler = new MessageSettler(message, session);
    const context = new ServiceBusContext([message, settler, message.subject ?? '', trace]);
    const problem = malformation(message);
    if (problem !== undefined) return this.fail(context, deadLetter(DeadLetterReason.MalformedMessage, problem));
    const handler = this.getHandlerByPattern(context.getSubject());
    if (handler === null) {
      this.logger.warn(`No handler for subject "${context.getSubject()}"; dead-lettering`);
      return this.fail(context, deadLetter(DeadLetterReason.NoHandler, NO_MESSAGE_HANDLER));
    }
    await runWithTraceContext(trace, () => this.process(handler, context));
  }

  private async process(handler: MessageHandler, context: ServiceBusContext): Promise<void> {
    let result: unknown;
    const heartbeat = this.heartbeatOf(context.getMessage());
    try {
      result = await this.invoke(handler, context);
    } catch (error) {
      await heartbeat.stop();
      return this.fail(context, this.policy(error), error);
    }
    await heartbeat.stop();
    try {
      await this.replyIfRequested(context, okReply(result));
    } catch (error) {
      return this.fail(context, this.policy(error), error);
    }
    await this.settle(context, { action: SettlementAction.Complete });
  }

  // Nest's processing hooks wrap the handler call (e.g. for request-scoped tracing).
  private invoke(handler: MessageHandler, context: ServiceBusContext): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      void this.onProcessingStartHook(this.transportId, context, async () => {
        try {
          const result$ = this.transformToObservable(await handler(context.getMessage().body, context));
          resolve(await lastValueFrom(result$, { defaultValue: undefined }));
        } catch (error) {
          reject(error);
        }
      });
    }).finally(() => this.onProcessingEndHook?.(this.transportId, context));
  }

  private async fail(context: ServiceBusContext, decision: SettlementDecision, error?: unknown): Promise<void> {
    if (context.getSettlement() !== undefined) return;
    const subject = context.getSubject();
    const messageId = context.getMessage().messageId ?? '';
    const why = error === undefined && decision.action === SettlementAction.DeadLetter ? decision.description : failureMessage(error);
    markActiveSpanFailed(why);
    if (!isRequest(context.getMessage())) {
      this.logger.warn(`Message ${messageId} (${subject}) failed: ${why}; ${decision.action}`);
      return this.settle(context, decision);
    }
    const replied = await this.replyIfRequested(context, failureReply(decision, error)).then(
      () => true,
      (e: unknown) => (this.reportError(e), false),
    );
    const settlement = replied ? settlementOfAnsweredRequest(decision) : decision;
    this.logger.warn(`Request ${messageId} (${subject}) failed: ${why}; ${replied ? 'replied' : 'not replied'}, ${settlement.action}`);
    await this.settle(context, settlement);
  }

  private async settle(context: ServiceBusContext, decision: SettlementDecision): Promise<void> {
    if (context.getSettlement() !== undefined) return;
    // A failure is typically a lost lock: the broker redelivers the message, which handlers tolerate.
    await settleAs(context, decision).catch((error: unknown) => this.reportError(error, context.getSessionId()));
  }

  private async replyIfRequested(context: ServiceBusContext, envelope: Reply<unknown>): Promise<void> {
    const request = context.getMessage();
    if (!isRequest(request)) return;
    if (this.sink === undefined) throw new Error('ServerServiceBusSessions is not listening');
    await sendReply(this.sink, request, envelope, this.propagator);
  }

  /** Heartbeats to the requester while a request runs (none for events, or with `requestHeartbeatMs` 0). */
  private heartbeatOf(message: ServiceBusReceivedMessage): RequestHeartbeat {
    const intervalMs = isRequest(message) ? (this.options.requestHeartbeatMs ?? SERVICE_BUS_DEFAULT_REQUEST_HEARTBEAT_MS) : 0;
    const send = () => this.sink?.send(message.replyTo as string, heartbeatMessageFor(message, contractApplicationProperties())) ?? Promise.resolve();
    const onError = (error: unknown) => this.logger.warn(`Could not send a heartbeat of request ${message.messageId ?? ''}: ${failureMessage(error)}`);
    return new RequestHeartbeat(send, intervalMs, onError);
  }

  private connect(): SessionSource {
    if (this.source === undefined) {
      const transport = createServerTransport(this.options);
      ({ client: this.client, ownsClient: this.ownsClient, source: this.source, sink: this.sink } = transport);
    }
    return this.source;
  }

  private reportError(error: unknown, sessionId?: string): void {
    const where = sessionId === undefined ? entityPathOf(this.options.entity) : `session ${sessionId}`;
    // A lost session lock is routine (a slow handler, a restart): the broker redelivers.
    if (isSessionLockLost(error)) this.logger.warn(`Session lock lost on ${where}; its messages will be redelivered`);
    else this.logger.error(`Service Bus error on ${where}: ${failureMessage(error)}`);
    for (const listener of this.errorListeners) {
      try {
        listener(error, sessionId);
      } catch (listenerError) {
        this.logger.error(`An error listener failed: ${failureMessage(listenerError)}`);
      }
    }
  }
}
