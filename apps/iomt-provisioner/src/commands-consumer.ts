import type { INestApplication, Provider } from '@nestjs/common';
import { QueueName } from '@iomt/contracts';
import { replyProgressSenderOf, ServerServiceBusSessions, serviceBusServerOptionsFrom, SettlementAction } from '@iomt/messaging';
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

/** DI token of the `ReplyProgressSender` the handlers tell the router their progress with. */
export const IOMT_COMMANDS_PROGRESS = Symbol('IOMT_COMMANDS_PROGRESS');

/**
 * Progress on the reply path of the `iomt-commands` requests, through that server's connection;
 * a command's reports are thinned out to one per COMMAND_PROGRESS_MIN_MS, none before.
 */
export const iomtCommandsProgressProvider: Provider = {
  provide: IOMT_COMMANDS_PROGRESS,
  inject: [IOMT_COMMANDS_SERVER, IOMT_PROVISIONER_CONFIG],
  useFactory: (server: ServerServiceBusSessions, config: IomtProvisionerConfig) =>
    replyProgressSenderOf(server, { commandProgressMinMs: config.COMMAND_PROGRESS_MIN_MS }),
};

/** Makes the HTTP app hybrid: connects the `iomt-commands` consumer and starts it; `app.close()` stops it. */
export async function startIomtCommandsConsumer(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get<ServerServiceBusSessions>(IOMT_COMMANDS_SERVER) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
