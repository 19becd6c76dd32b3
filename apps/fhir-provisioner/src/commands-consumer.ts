import type { INestApplication, Provider } from '@nestjs/common';
import { QueueName } from '@iomt/contracts';
import { replyProgressSenderOf, ServerServiceBusSessions, serviceBusServerOptionsFrom, SettlementAction } from '@iomt/messaging';
import { FHIR_PROVISIONER_CONFIG, type FhirProvisionerConfig } from './config';

/** DI token of the `fhir-commands` transport strategy (a provider, so the app and tests share one). */
export const FHIR_COMMANDS_SERVER = Symbol('FHIR_COMMANDS_SERVER');

/**
 * Every command is completed, failed ones too, once its reply (with the error's `retryable` flag)
 * is sent: the router owns retries, so a broker redelivery would only run the work twice.
 */
export const completeAfterReply = () => ({ action: SettlementAction.Complete }) as const;

/** The sessions transport on `fhir-commands`: SERVICEBUS_MAX_CONCURRENT_SESSIONS subscriptions at once. */
export const fhirCommandsServerProvider: Provider = {
  provide: FHIR_COMMANDS_SERVER,
  inject: [FHIR_PROVISIONER_CONFIG],
  useFactory: (config: FhirProvisionerConfig) =>
    new ServerServiceBusSessions({
      ...serviceBusServerOptionsFrom(config, config.SERVICEBUS_FHIR_COMMANDS_QUEUE || QueueName.FhirCommands),
      acceptSessionTimeoutMs: config.COMMANDS_ACCEPT_SESSION_TIMEOUT_MS,
      settlementPolicy: completeAfterReply,
    }),
};

/** DI token of the `ReplyProgressSender` the handlers tell the router their progress with. */
export const FHIR_COMMANDS_PROGRESS = Symbol('FHIR_COMMANDS_PROGRESS');

/**
 * Progress on the reply path of the `fhir-commands` requests, through that server's connection;
 * a command's reports are thinned out to one per COMMAND_PROGRESS_MIN_MS, none before.
 */
export const fhirCommandsProgressProvider: Provider = {
  provide: FHIR_COMMANDS_PROGRESS,
  inject: [FHIR_COMMANDS_SERVER, FHIR_PROVISIONER_CONFIG],
  useFactory: (server: ServerServiceBusSessions, config: FhirProvisionerConfig) =>
    replyProgressSenderOf(server, { commandProgressMinMs: config.COMMAND_PROGRESS_MIN_MS }),
};

/** Makes the HTTP app hybrid: connects the `fhir-commands` consumer and starts it; `app.close()` stops it. */
export async function startFhirCommandsConsumer(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get<ServerServiceBusSessions>(FHIR_COMMANDS_SERVER) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
