import { isServiceBusError, type ServiceBusClient, type ServiceBusSender } from '@azure/service-bus';
import { QueueName, Subject } from '@iomt/contracts';
import {
  ThrottledError,
  TransientError,
  type OperationMessage,
  type OperationPublisher,
  type PublishOptions,
} from '@iomt/domain';
import { inProducerSpan } from './message-tracing';
import { buildOutgoingMessage } from './outgoing-message';
import { ServiceBusRecord } from './service-bus.record-builder';
import { TracePropagator, W3CTracePropagator } from './trace-propagator';

/**
 * The domain's {@link OperationPublisher} on Service Bus: `operation.requested` into the
 * `operations` queue, in the session of the customer subscription, with the operation id as
 * message id, so that the broker's duplicate detection drops a re-publication (the sweeper's)
 * inside its window.
 */
export class ServiceBusOperationPublisher implements OperationPublisher {
  constructor(
    private readonly sender: ServiceBusSender,
    private readonly propagator: TracePropagator = new W3CTracePropagator(),
  ) {}

  /** A publisher with its own sender on `queueName` (default `operations`); close it with {@link close}. */
  static create(client: ServiceBusClient, queueName: string = QueueName.Operations): ServiceBusOperationPublisher {
    return new ServiceBusOperationPublisher(client.createSender(queueName));
  }

  async publish(message: OperationMessage, options: PublishOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    const sending = { entityPath: this.sender.entityPath, subject: Subject.OperationRequested, sessionId: message.subscriptionId };
    await inProducerSpan(sending, () => this.send(message, options));
  }

  private async send(message: OperationMessage, options: PublishOptions): Promise<void> {
    const outgoing = buildOutgoingMessage({
      subject: Subject.OperationRequested,
      data: new ServiceBusRecord(
        { ...message },
        {
          sessionId: message.subscriptionId,
          messageId: message.operationId,
          ...(options.scheduledEnqueueTime === undefined ? {} : { scheduledEnqueueTimeUtc: options.scheduledEnqueueTime }),
        },
      ),
      propagator: this.propagator,
    });
    try {
      await this.sender.sendMessages(outgoing, { abortSignal: options.signal });
    } catch (error) {
      options.signal?.throwIfAborted();
      throw toPublishError(error);
    }
  }

  /** Closes the sender. */
  close(): Promise<void> {
    return this.sender.close();
  }
}

/** Broker refusals the caller may retry become domain errors; anything else stays as it is. */
export function toPublishError(error: unknown): unknown {
  if (!isServiceBusError(error)) return error;
  if (error.code === 'ServiceBusy') {
    return new ThrottledError(`Service Bus is throttling: ${error.message}`, undefined, { cause: error });
  }
  if (error.retryable) return new TransientError(`Service Bus is unavailable: ${error.message}`, { cause: error });
  return error;
}
