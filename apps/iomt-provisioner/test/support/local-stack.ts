import {
  startAzurite,
  startCosmosServer,
  startFakeArm,
  startServiceBusEmulator,
  type AzuriteHandle,
  type CosmosServerHandle,
  type FakeArm,
  type ServiceBusEmulator,
} from '@iomt/local-stack';
import { join } from 'node:path';

/** The real local servers a worker runs against: Service Bus emulator, Cosmos server, Azurite, fake ARM. */
export interface LocalStack {
  readonly serviceBus: ServiceBusEmulator;
  readonly cosmos: CosmosServerHandle;
  readonly azurite: AzuriteHandle;
  readonly arm: FakeArm;
  /** The worker's settings pointing at them (ephemeral ports, local ARM, fast polling). */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the four servers on ephemeral loopback ports. */
export async function startLocalStack(): Promise<LocalStack> {
  const [serviceBus, cosmos, azurite, arm] = await Promise.all([
    startServiceBusEmulator({ config: join(__dirname, '../../../../config/servicebus/Config.json') }),
    startCosmosServer(),
    startAzurite(),
    startFakeArm(),
  ]);
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    SERVICEBUS_CONNECTION_STRING: serviceBus.connectionString,
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_TLS_VERIFY: 'false',
    MAPPING_STORAGE_CONNECTION_STRING: azurite.connectionString,
    ARM_MODE: 'local',
    ARM_ENDPOINT: arm.endpoint,
    ARM_POLL_INTERVAL_MS: '10',
    ARM_RETRY_DELAY_MS: '10',
    COMMANDS_ACCEPT_SESSION_TIMEOUT_MS: '1000',
  };
  const stop = async () => {
    await Promise.allSettled([serviceBus.stop(), cosmos.stop(), azurite.stop(), arm.stop()]);
  };
  return { serviceBus, cosmos, azurite, arm, env, stop };
}
