import type { INestApplication, Provider } from '@nestjs/common';
import { ServerServiceBusSessions, serviceBusServerOptionsFrom } from '@iomt/messaging';
import { OPERATION_ROUTER_CONFIG, type OperationRouterConfig } from '../config';

/** DI token of the `operations` transport strategy (a provider, so the app and tests share one). */
export const OPERATIONS_SERVER = Symbol('OPERATIONS_SERVER');

/**
 * The sessions transport on the `operations` queue: SERVICEBUS_MAX_CONCURRENT_SESSIONS
 * subscriptions at once, one message of each at a time. Messages are settled by the controller.
 */
export const operationsServerProvider: Provider = {
  provide: OPERATIONS_SERVER,
  inject: [OPERATION_ROUTER_CONFIG],
  useFactory: (config: OperationRouterConfig) =>
    new ServerServiceBusSessions({
      ...serviceBusServerOptionsFrom(config, config.SERVICEBUS_OPERATIONS_QUEUE),
      acceptSessionTimeoutMs: config.ROUTER_ACCEPT_SESSION_TIMEOUT_MS,
    }),
};

/**
 * Makes the HTTP app hybrid (amplication's pattern, style.md §4.5): connects the `operations`
 * consumer and starts it. `app.close()` then stops it after the modules' destroy hooks
 * (which interrupt running operations) and before the clients close.
 */
export async function startOperationsConsumer(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get<ServerServiceBusSessions>(OPERATIONS_SERVER) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
