import type { ServiceBusClient, ServiceBusMessage, ServiceBusSender } from '@azure/service-bus';
import type { MessageSink } from './session-source.port';

/** Sends through one SDK sender per entity, created on first use and kept open until `close`. */
export class AzureMessageSink implements MessageSink {
  private readonly senders = new Map<string, ServiceBusSender>();

  constructor(private readonly client: ServiceBusClient) {}

  async send(entityPath: string, message: ServiceBusMessage): Promise<void> {
    let sender = this.senders.get(entityPath);
    if (sender === undefined) {
      sender = this.client.createSender(entityPath);
      this.senders.set(entityPath, sender);
    }
    await sender.sendMessages(message);
  }

  async close(): Promise<void> {
    const senders = [...this.senders.values()];
    this.senders.clear();
    await Promise.allSettled(senders.map((sender) => sender.close()));
  }
}
