import { resolve } from 'node:path';
import { startAzurite, startCosmosServer, startFakeArm, startServiceBusEmulator } from '@iomt/local-stack';
import { StackComponent } from './launcher';
import { assertPortFree, portFromEnv } from './port-check';
import { regionsComponent } from './regions.component';

const workspaceRoot = resolve(__dirname, '../../..');

/** The Service Bus entity file shared with Microsoft's emulator in docker-compose. */
export const SERVICE_BUS_CONFIG_FILE = resolve(workspaceRoot, 'config/servicebus/Config.json');

/**
 * The infrastructure `npm start` runs before the services, each on its usual port (the
 * environment overrides it), and the settings it hands to every service.
 */
export function localStackComponents(env: NodeJS.ProcessEnv, host: string): StackComponent[] {
  const port = (setting: string, fallback: number) => portFromEnv(env, setting, fallback);
  return [
    {
      name: 'Service Bus emulator',
      async start() {
        const p = port('SERVICEBUS_EMULATOR_PORT', 5672);
        await assertPortFree(host, p, 'SERVICEBUS_EMULATOR_PORT');
        const emulator = await startServiceBusEmulator({ host, port: p, config: SERVICE_BUS_CONFIG_FILE });
        return { env: { SERVICEBUS_CONNECTION_STRING: emulator.connectionString }, stop: () => emulator.stop() };
      },
    },
    {
      name: 'Cosmos DB server',
      async start() {
        const p = port('COSMOS_EMULATOR_PORT', 8081);
        await assertPortFree(host, p, 'COSMOS_EMULATOR_PORT');
        const cosmos = await startCosmosServer({ host, port: p });
        const settings = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_TLS_VERIFY: 'false' };
        return { env: settings, stop: () => cosmos.stop() };
      },
    },
    {
      name: 'Azurite (blob)',
      async start() {
        const p = port('AZURITE_BLOB_PORT', 10000);
        await assertPortFree(host, p, 'AZURITE_BLOB_PORT');
        const azurite = await startAzurite({ host, blobPort: p });
        return { env: { MAPPING_STORAGE_CONNECTION_STRING: azurite.connectionString }, stop: () => azurite.stop() };
      },
    },
    {
      name: 'fake ARM',
      async start() {
        const p = port('FAKE_ARM_PORT', 9090);
        await assertPortFree(host, p, 'FAKE_ARM_PORT');
        const arm = await startFakeArm({ host, port: p });
        return { env: { ARM_ENDPOINT: arm.endpoint, ARM_MODE: 'local' }, stop: () => arm.stop() };
      },
    },
    regionsComponent(),
  ];
}
