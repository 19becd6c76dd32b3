import type { INestApplication, Provider } from '@nestjs/common';
import { QueueName } from '@iomt/contracts';
import { ServerServiceBusSessions, serviceBusServerOptionsFrom, SettlementAction } from '@iomt/messaging';
import { IOMT_PROVISIONER_CONFIG, type IomtProvisionerConfig } from './config';

/** DI token of the `iomt-commands` transport strategy (a provider, so the app and tests share one). */
export const IOMT_COMMANDS_SERVER = Symbol('IOMT_COMMANDS_SERVER');

/**
 * Every command is completed, failed ones too, once its reply (with the error's `retryable` flag)
 * is sent: the router owns retries, so a broker redelivery would only run the work twice.
 */
export const completeAfterReply = () => ({ action: SettlementAction.Complete }) as const;

/** The sessions transport on `iomt-commands`: SERVICEBUS_MAX_CONCURRENT_SESSIONS subscriptions at once. */
export const iomtCommandsServerProvider: Provider = {
  provide: IOMT_COMMANDS_SERVER,
  inject: [IOMT_PROVISIONER_CONFIG],
  useFactory: (config: IomtProvisionerConfig) =>
    new ServerServiceBusSessions({
      ...serviceBusServerOptionsFrom(config, config.SERVICEBUS_IOMT_COMMANDS_QUEUE || QueueName.IomtCommands),
      acceptSessionTimeoutMs: config.COMMANDS_ACCEPT_SESSION_TIMEOUT_MS,
      settlementPolicy: completeAfterReply,
    }),
};

/** Makes the HTTP app hybrid: connects the `iomt-commands` consumer and starts it; `app.close()` stops it. */
export async function startIomtCommandsConsumer(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get<ServerServiceBusSessions>(IOMT_COMMANDS_SERVER) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
