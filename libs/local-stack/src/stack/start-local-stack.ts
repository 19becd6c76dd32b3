import { join } from 'node:path';
import { startAzurite, type AzuriteHandle } from '../azurite';
import { startCosmosServer, type CosmosServerHandle } from '../cosmos';
import { startFakeArm, type FakeArm } from '../fake-arm';
import { startServiceBusEmulator, type ServiceBusEmulator } from '../servicebus';

/** The project's Service Bus entity file, the same one `npm start` and docker-compose use. */
const SERVICE_BUS_CONFIG_FILE = join(__dirname, '../../../../config/servicebus/Config.json');

/** The real local servers a service runs against in tests: Service Bus, Cosmos, Azurite, fake ARM. */
export interface LocalStack {
  readonly serviceBus: ServiceBusEmulator;
  readonly cosmos: CosmosServerHandle;
  readonly azurite: AzuriteHandle;
  readonly arm: FakeArm;
  /** A service's settings pointing at them (ephemeral ports, local ARM, fast polling), plus `extraEnv`. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the four servers on ephemeral loopback ports, for tests that run a real service. */
export async function startLocalStack(extraEnv: Readonly<Record<string, string>> = {}): Promise<LocalStack> {
  const [serviceBus, cosmos, azurite, arm] = await Promise.all([
    startServiceBusEmulator({ config: SERVICE_BUS_CONFIG_FILE }),
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
    ...extraEnv,
  };
  const stop = async () => {
    await Promise.allSettled([serviceBus.stop(), cosmos.stop(), azurite.stop(), arm.stop()]);
  };
  return { serviceBus, cosmos, azurite, arm, env, stop };
}
