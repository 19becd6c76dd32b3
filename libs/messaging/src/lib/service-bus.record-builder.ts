import type { TraceContext } from './trace-context';
import type { ApplicationProperties } from './trace-propagator';

/** Per-message Service Bus properties for `ClientServiceBus.emit()`/`send()`. */
export interface ServiceBusRecordOptions {
  /** The session (for this system: the customer subscription id, or the operation id for replies). */
  readonly sessionId?: string;
  /** Overrides the subject, which is otherwise the Nest pattern. */
  readonly subject?: string;
  /** Defaults to a fresh UUID; the broker's duplicate detection keys on it. */
  readonly messageId?: string;
  /** Defaults to the message id for requests. */
  readonly correlationId?: string;
  /** Milliseconds before the broker drops the message unread. */
  readonly timeToLive?: number;
  /** Deliver no earlier than this. */
  readonly scheduledEnqueueTimeUtc?: Date;
  /** Where and in which session the receiver replies (for emit-and-reply-later flows). */
  readonly replyTo?: string;
  readonly replyToSessionId?: string;
  /** User properties; a `traceparent` here wins over the explicit and ambient contexts. */
  readonly applicationProperties?: ApplicationProperties;
  /** An explicit trace context to propagate. */
  readonly traceContext?: TraceContext;
}

/**
 * Data plus Service Bus properties for one message (Nest's `RmqRecord`):
 * `client.emit(subject, new ServiceBusRecord(data, { sessionId }))`.
 * @publicApi
 */
export class ServiceBusRecord<TData = unknown> {
  constructor(
    readonly data: TData,
    readonly options: ServiceBusRecordOptions = {},
  ) {}
}

/**
 * Fluent builder of {@link ServiceBusRecord}s (Nest's `RmqRecordBuilder`).
 * @publicApi
 */
export class ServiceBusRecordBuilder<TData> {
  private options: ServiceBusRecordOptions = {};

  constructor(private data?: TData) {}

  /** Merges `options` into the options set so far. */
  setOptions(options: ServiceBusRecordOptions): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  /** Sets the message body. */
  setData(data: TData): this {
    this.data = data;
    return this;
  }

  /** The record with the data and options set so far. */
  build(): ServiceBusRecord<TData | undefined> {
    return new ServiceBusRecord(this.data, this.options);
  }
}
