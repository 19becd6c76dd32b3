import { ServiceBusClient, ServiceBusSender } from '@azure/service-bus';
import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { SERVICE_BUS_DEFAULT_REPLY_MAX_WAIT_MS, SERVICE_BUS_DEFAULT_REPLY_TIMEOUT_MS } from './constants';
import { inProducerSpan } from './message-tracing';
import { buildOutgoingMessage } from './outgoing-message';
import type { ReplyProgress } from './reply-progress';
import { openReplyWaiter } from './reply-waiter';
import { assertConnection, ServiceBusClientOptions } from './service-bus.options';
import { ServiceBusRecord } from './service-bus.record-builder';
import { TracePropagator, W3CTracePropagator } from './trace-propagator';

/** Status values of {@link ClientServiceBus}. */
export type ServiceBusClientStatus = 'connected' | 'disconnected';

/**
 * Nest `ClientProxy` for Service Bus sessions. `emit()` sends an event in a session; `send()`
 * sends a request with `replyTo`, a fresh `replyToSessionId` and a `correlationId`, and waits on
 * that session of the reply queue for the reply, up to `replyTimeoutMs`.
 *
 * A fresh reply session per request (rather than one per client) costs one link attach per
 * request, and buys: no demultiplexing, no long-held session lock to renew or lose, and a
 * crashed requester leaves at most one orphan reply in a session nobody reuses.
 * @publicApi
 */
export class ClientServiceBus extends ClientProxy<Record<never, never>, ServiceBusClientStatus> {
  private readonly propagator: TracePropagator;
  private client: ServiceBusClient | undefined;
  private sender: ServiceBusSender | undefined;

  constructor(private readonly options: ServiceBusClientOptions) {
    super();
    assertConnection('ClientServiceBus', options);
    if (!options.entityPath) throw new Error('ClientServiceBus: options need an entityPath');
    this.propagator = options.tracePropagator ?? new W3CTracePropagator();
  }

  /** Creates the SDK client (unless given) and the sender; `send`/`emit` call it lazily. */
  async connect(): Promise<ServiceBusClient> {
    if (this.client === undefined) {
      this.client = this.options.client ?? new ServiceBusClient(this.options.connectionString);
      this.sender = this.client.createSender(this.options.entityPath);
      this._status$.next('connected');
    }
    return this.client;
  }

  /** Closes the sender, and the SDK client when this proxy created it. */
  async close(): Promise<void> {
    const { client, sender } = this;
    this.client = undefined;
    this.sender = undefined;
    await sender?.close();
    if (client !== undefined && this.options.client === undefined) await client.close();
    this._status$.next('disconnected');
  }

  /** Nest calls this on `app.close()` when the client is a provider (see `MessagingModule`). */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** The SDK client, once connected. */
  unwrap<T>(): T {
    if (this.client === undefined) throw new Error('Not initialized. Call connect() first.');
    return this.client as T;
  }

  /** Sends an event; resolves once the broker accepted it. */
  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    const { sender } = this.connected();
    await inProducerSpan(this.sendDescription(packet), () => sender.sendMessages(this.outgoing(packet)));
    return undefined as T;
  }

  /**
   * Sends a request and reports its reply (or failure) to Nest; the returned teardown cancels the
   * wait. Progress messages the worker sends before its reply are emitted first, as
   * {@link ReplyProgress} values of the observable `send` returns; the reply is its last value.
   */
  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const abort = new AbortController();
    const onProgress = (progress: ReplyProgress) => {
      if (!abort.signal.aborted) callback({ response: progress });
    };
    this.request(packet, abort.signal, onProgress).then(
      (response) => callback({ response, isDisposed: true }),
      (err: unknown) => {
        if (!abort.signal.aborted) callback({ err });
      },
    );
    return () => abort.abort();
  }

  private async request(packet: ReadPacket, signal: AbortSignal, onProgress: (progress: ReplyProgress) => void): Promise<unknown> {
    const { replyQueueName } = this.options;
    if (!replyQueueName) throw new Error('ClientServiceBus: send() needs the replyQueueName option');
    const limits = {
      silenceMs: this.options.replyTimeoutMs ?? SERVICE_BUS_DEFAULT_REPLY_TIMEOUT_MS,
      deadline: Date.now() + (this.options.replyMaxWaitMs ?? SERVICE_BUS_DEFAULT_REPLY_MAX_WAIT_MS),
    };
    const record = packet.data instanceof ServiceBusRecord ? packet.data : new ServiceBusRecord(packet.data);
    const messageId = record.options.messageId ?? randomUUID();
    const target = {
      replyQueueName,
      sessionId: record.options.replyToSessionId ?? randomUUID(),
      correlationId: record.options.correlationId ?? messageId,
    };
    const outgoing = { pattern: packet.pattern, data: new ServiceBusRecord(record.data, { ...record.options, messageId, ...rename(target) }) };
    this.outgoing(outgoing); // validates before a reply session is locked; built again in the span
    const { client, sender } = this.connected();
    const waiter = await openReplyWaiter(client, target);
    try {
      // The reply session may take a while to lock; a caller who gave up meanwhile sends nothing.
      if (signal.aborted) throw new Error('Request cancelled before it was sent');
      await inProducerSpan(this.sendDescription(outgoing), () => sender.sendMessages(this.outgoing(outgoing)));
      return await waiter.wait(limits, signal, onProgress);
    } finally {
      await waiter.close().catch(() => undefined);
    }
  }

  private connected(): { client: ServiceBusClient; sender: ServiceBusSender } {
    if (this.client === undefined || this.sender === undefined) throw new Error('ClientServiceBus is closed');
    return { client: this.client, sender: this.sender };
  }

  private sendDescription(packet: ReadPacket) {
    const record = packet.data instanceof ServiceBusRecord ? packet.data.options : {};
    return { entityPath: this.options.entityPath, subject: record.subject ?? this.normalizePattern(packet.pattern), sessionId: record.sessionId };
  }

  private outgoing(packet: ReadPacket) {
    return buildOutgoingMessage({
      subject: this.normalizePattern(packet.pattern),
      data: packet.data,
      defaultSessionId: this.options.sessionId,
      propagator: this.propagator,
    });
  }
}

function rename(target: { replyQueueName: string; sessionId: string; correlationId: string }) {
  return { replyTo: target.replyQueueName, replyToSessionId: target.sessionId, correlationId: target.correlationId };
}
