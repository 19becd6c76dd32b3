import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { ServiceBusClient } from '@azure/service-bus';
import { ensureGlobalDb, GlobalDbContainers } from '@iomt/persistence';
import { startCosmosServer, startFakeArm, startServiceBusEmulator, type CosmosServerHandle, type FakeArm, type ServiceBusEmulator } from '@iomt/local-stack';

/** The `operations` queue as the project's Config.json declares it (sessions, duplicate detection). */
const SERVICE_BUS_CONFIG = {
  UserConfig: {
    Namespaces: [
      {
        Name: 'sbemulatorns',
        Queues: [
          {
            Name: 'operations',
            Properties: { RequiresSession: true, MaxDeliveryCount: 5, LockDuration: 'PT1M', RequiresDuplicateDetection: true, DuplicateDetectionHistoryTimeWindow: 'PT20S' },
          },
        ],
        Topics: [],
      },
    ],
    Logging: { Type: 'Console' },
  },
};

/** The real local servers a gateway test runs against, and clients to look inside them. */
export interface LocalStack {
  readonly cosmos: CosmosServerHandle;
  readonly bus: ServiceBusEmulator;
  readonly arm: FakeArm;
  readonly databaseName: string;
  /** The settings that point a gateway at these servers. */
  readonly env: Readonly<Record<string, string>>;
  /** The Global DB containers, through a client of the test's own. */
  containers(): Promise<GlobalDbContainers>;
  stop(): Promise<void>;
}

/** Starts the Cosmos server, the Service Bus emulator and the fake ARM on ephemeral loopback ports. */
export async function startLocalStack(): Promise<LocalStack> {
  const [cosmos, bus, arm] = await Promise.all([startCosmosServer(), startServiceBusEmulator({ config: SERVICE_BUS_CONFIG }), startFakeArm()]);
  const databaseName = `gateway-${randomUUID().slice(0, 8)}`;
  const client = new CosmosClient(cosmos.clientOptions);
  let containers: Promise<GlobalDbContainers> | undefined;
  return {
    cosmos,
    bus,
    arm,
    databaseName,
    env: {
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_TLS_VERIFY: 'false',
      COSMOS_DATABASE: databaseName,
      SERVICEBUS_CONNECTION_STRING: bus.connectionString,
      ARM_MODE: 'local',
      ARM_ENDPOINT: arm.endpoint,
    },
    containers: () => (containers ??= ensureGlobalDb(client, databaseName)),
    stop: async () => {
      client.dispose();
      await Promise.all([cosmos.stop(), bus.stop(), arm.stop()]);
    },
  };
}

/** A Service Bus client on the stack's emulator (close it). */
export function serviceBusClientOf(stack: LocalStack): ServiceBusClient {
  return new ServiceBusClient(stack.bus.connectionString);
}
