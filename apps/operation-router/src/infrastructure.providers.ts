import { Inject, Injectable, OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ServiceBusClient } from '@azure/service-bus';
import { CLOCK, OPERATION_PUBLISHER, systemClock } from '@iomt/domain';
import { ServiceBusOperationPublisher } from '@iomt/messaging';
import { OPERATION_ROUTER_CONFIG, type OperationRouterConfig } from './config';
import { ROUTER_SETTINGS, routerSettingsFrom } from './processing/router-settings';
import { SWEEPER_SETTINGS, type SweeperSettings } from './sweeper/outbox-sweeper';

/** The SDK client the sweeper's publisher sends with. */
export const SERVICE_BUS_CLIENT = Symbol('SERVICE_BUS_CLIENT');

/** Closes the publisher and its client when the application stops. */
@Injectable()
class PublisherLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(OPERATION_PUBLISHER) private readonly publisher: ServiceBusOperationPublisher,
    @Inject(SERVICE_BUS_CLIENT) private readonly client: ServiceBusClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
    await this.client.close();
  }
}

/** Clock, settings and the `operations` publisher, from the validated configuration. */
export const infrastructureProviders: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  { provide: ROUTER_SETTINGS, useFactory: routerSettingsFrom, inject: [OPERATION_ROUTER_CONFIG] },
  {
    provide: SWEEPER_SETTINGS,
    useFactory: (config: OperationRouterConfig): SweeperSettings => ({
      intervalMs: config.ROUTER_SWEEP_INTERVAL_MS,
      graceMs: config.ROUTER_SWEEP_GRACE_MS,
    }),
    inject: [OPERATION_ROUTER_CONFIG],
  },
  {
    provide: SERVICE_BUS_CLIENT,
    useFactory: (config: OperationRouterConfig) => new ServiceBusClient(config.SERVICEBUS_CONNECTION_STRING),
    inject: [OPERATION_ROUTER_CONFIG],
  },
  {
    provide: OPERATION_PUBLISHER,
    useFactory: (client: ServiceBusClient, config: OperationRouterConfig) =>
      ServiceBusOperationPublisher.create(client, config.SERVICEBUS_OPERATIONS_QUEUE),
    inject: [SERVICE_BUS_CLIENT, OPERATION_ROUTER_CONFIG],
  },
  PublisherLifecycle,
];
