import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ServiceBusClient } from '@azure/service-bus';
import { ServiceBusOperationPublisher } from '@iomt/messaging';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/** The Service Bus connection of the gateway: one client and the `operations` publisher, closed on shutdown. */
@Injectable()
export class ServiceBusPublisherConnection implements OnApplicationShutdown {
  private readonly client: ServiceBusClient;
  readonly publisher: ServiceBusOperationPublisher;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.client = new ServiceBusClient(config.SERVICEBUS_CONNECTION_STRING);
    this.publisher = ServiceBusOperationPublisher.create(this.client, config.SERVICEBUS_OPERATIONS_QUEUE);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
    await this.client.close();
  }
}
