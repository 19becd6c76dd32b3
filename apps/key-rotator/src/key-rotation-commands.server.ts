import type { INestApplication, Provider } from '@nestjs/common';
import { ServerServiceBusSessions, serviceBusServerOptionsFrom } from '@iomt/messaging';
import { KEY_ROTATOR_CONFIG, type KeyRotatorConfig } from './config';

/** DI token of the `key-rotation-commands` transport strategy (a provider, so the app and tests share one). */
export const KEY_ROTATION_COMMANDS_SERVER = Symbol('KEY_ROTATION_COMMANDS_SERVER');

/** The sessions transport on `key-rotation-commands`: one command of a subscription at a time. */
export const keyRotationCommandsServerProvider: Provider = {
  provide: KEY_ROTATION_COMMANDS_SERVER,
  inject: [KEY_ROTATOR_CONFIG],
  useFactory: (config: KeyRotatorConfig) =>
    new ServerServiceBusSessions(serviceBusServerOptionsFrom(config, config.SERVICEBUS_KEY_ROTATION_COMMANDS_QUEUE)),
};

/** Makes the HTTP app hybrid: connects the `key-rotation-commands` consumer and starts it. */
export async function startKeyRotationConsumer(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get<ServerServiceBusSessions>(KEY_ROTATION_COMMANDS_SERVER) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
