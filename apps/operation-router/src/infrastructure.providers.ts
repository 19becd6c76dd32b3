import type { Provider } from '@nestjs/common';
import { CLOCK, OPERATION_PUBLISHER, systemClock } from '@iomt/domain';
import { ClientServiceBus, ServiceBusOperationPublisher } from '@iomt/messaging';
import { OPERATION_ROUTER_CONFIG, type OperationRouterConfig } from './config';
import { ROUTER_SETTINGS, routerSettingsFrom } from './processing/router-settings';
import { SWEEPER_SETTINGS, type SweeperSettings } from './sweeper/outbox-sweeper';

/** DI token of the `operations` client whose connection the sweeper's publisher sends with. */
export const OPERATIONS_CLIENT = Symbol('OPERATIONS_CLIENT');

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
    // The messaging lib's publisher (operation id as message id, subscription as session) on the
    // SDK client of a ClientServiceBus, which closes it at shutdown: the app never touches the SDK.
    provide: OPERATION_PUBLISHER,
    useFactory: async (client: ClientServiceBus, config: OperationRouterConfig) =>
      ServiceBusOperationPublisher.create(await client.connect(), config.SERVICEBUS_OPERATIONS_QUEUE),
    inject: [OPERATIONS_CLIENT, OPERATION_ROUTER_CONFIG],
  },
];
