import { ServiceBusClient } from '@azure/service-bus';
import type { Container } from '@azure/cosmos';
import { startCosmosServer, startServiceBusEmulator, type CosmosServerHandle, type ServiceBusEmulator } from '@iomt/local-stack';
import { ServiceBusOperationPublisher } from '@iomt/messaging';
import { CosmosOperationRepository, createCosmosClient, ensureGlobalDb, globalDbOptionsSchema } from '@iomt/persistence';
import { CosmosAdmissionSnapshots } from '../src/infrastructure/cosmos/cosmos-admission-snapshots';
import { CosmosSubscriptionRegistrationRepository } from '../src/infrastructure/cosmos/cosmos-subscription-registration.repository';
import type { AdmissionAdapters, AdmissionReads } from './raw-admission';

const QUEUE = { Name: 'operations', Properties: { RequiresSession: true, LockDuration: 'PT1M', MaxDeliveryCount: 5 } };

/** The local stack of the benchmark: Cosmos server and Service Bus emulator, in this process (as `npm start` runs them). */
export async function startBenchStack(): Promise<{ cosmos: CosmosServerHandle; bus: ServiceBusEmulator }> {
  const [cosmos, bus] = await Promise.all([
    startCosmosServer(),
    startServiceBusEmulator({ config: { UserConfig: { Namespaces: [{ Name: 'sbemulatorns', Queues: [QUEUE], Topics: [] }], Logging: { Type: 'Console' } } } }),
  ]);
  return { cosmos, bus };
}

/** The adapters a PUT uses, on a database of their own, and how to close them. */
export async function directAdapters(cosmos: CosmosServerHandle, bus: ServiceBusEmulator, databaseName: string) {
  const client = createCosmosClient(globalDbOptionsSchema.parse({ endpoint: cosmos.endpoint, key: cosmos.key, databaseName, tlsRejectUnauthorized: false }));
  const container: Container = (await ensureGlobalDb(client, databaseName)).accountRegistry;
  const sbClient = new ServiceBusClient(bus.connectionString);
  const publisher = ServiceBusOperationPublisher.create(sbClient);
  const adapters: AdmissionAdapters = { operations: new CosmosOperationRepository(container), publisher };
  const reads: AdmissionReads = { snapshots: new CosmosAdmissionSnapshots(container) };
  const registrations = new CosmosSubscriptionRegistrationRepository(container);
  const close = async () => {
    await publisher.close();
    await sbClient.close();
    client.dispose();
  };
  return { adapters, reads, registrations, close };
}
