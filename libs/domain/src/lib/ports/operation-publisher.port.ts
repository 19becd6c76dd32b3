import type { CallOptions } from './call-options';

/** The message that tells the router an operation waits: ids only, the document holds the rest. */
export interface OperationMessage {
  readonly operationId: string;
  /** The customer subscription: the message's session, so one subscription's operations run in order. */
  readonly subscriptionId: string;
}

/** Options of {@link OperationPublisher.publish}. */
export interface PublishOptions extends CallOptions {
  /** Deliver no earlier than this (a delayed retry); now when absent. */
  readonly scheduledEnqueueTime?: Date;
}

/** Publishes operation ids into the `operations` queue, in the subscription's session. */
export interface OperationPublisher {
  /** @throws TransientError or ThrottledError when the broker cannot take the message now. */
  publish(message: OperationMessage, options?: PublishOptions): Promise<void>;
}

/** DI token of {@link OperationPublisher}. */
export const OPERATION_PUBLISHER = Symbol.for('@iomt/domain:OperationPublisher');
