import { ServiceBusClient, type ServiceBusReceivedMessage } from '@azure/service-bus';
import { waitUntil } from './wait-until';

const OPERATIONS_QUEUE = 'operations';

/**
 * The `operations` queue as a test reaches it with @azure/service-bus: send a message into a
 * subscription's session, take one out before the router sees it, read the dead-letter queue.
 */
export class OperationsQueue {
  private readonly client: ServiceBusClient;
  private readonly deadLettered: ServiceBusReceivedMessage[] = [];

  constructor(connectionString: string) {
    this.client = new ServiceBusClient(connectionString);
  }

  /** Sends one message with subject `operation.requested` into the session of a subscription. */
  async send(sessionId: string, body: unknown, messageId?: string): Promise<void> {
    const sender = this.client.createSender(OPERATIONS_QUEUE);
    try {
      await sender.sendMessages({ body, sessionId, subject: 'operation.requested', contentType: 'application/json', ...(messageId ? { messageId } : {}) });
    } finally {
      await sender.close();
    }
  }

  /** Takes (receives and completes) the next message of a session; throws when none comes. */
  async take(sessionId: string): Promise<ServiceBusReceivedMessage> {
    const receiver = await this.client.acceptSession(OPERATIONS_QUEUE, sessionId);
    try {
      const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 10_000 });
      if (message === undefined) throw new Error(`No message in session ${sessionId} of ${OPERATIONS_QUEUE}`);
      await receiver.completeMessage(message);
      return message;
    } finally {
      await receiver.close();
    }
  }

  /** Waits for a dead-lettered message that `matches` (dead letters are received and completed as they come). */
  async deadLetter(what: string, matches: (message: ServiceBusReceivedMessage) => boolean): Promise<ServiceBusReceivedMessage> {
    const receiver = this.client.createReceiver(OPERATIONS_QUEUE, { subQueueType: 'deadLetter' });
    try {
      return await waitUntil(`a dead letter: ${what}`, async () => {
        const found = this.deadLettered.find(matches);
        if (found) return found;
        for (const message of await receiver.receiveMessages(10, { maxWaitTimeInMs: 1_000 })) {
          await receiver.completeMessage(message);
          this.deadLettered.push(message);
        }
        return this.deadLettered.find(matches);
      });
    } finally {
      await receiver.close();
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
