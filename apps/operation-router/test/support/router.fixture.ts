import { CosmosClient, type Container } from '@azure/cosmos';
import { ServiceBusClient } from '@azure/service-bus';
import { QueueName, Subject } from '@iomt/contracts';
import { completedOperationId, operationCodec, type CompletedOperation, type OperationDocument } from '@iomt/domain';
import { startCosmosServer, startServiceBusEmulator, type CosmosServerHandle, type ServiceBusEmulator } from '@iomt/local-stack';
import { ServiceBusOperationPublisher } from '@iomt/messaging';
import { CosmosAccountRegistryManagementRepository, CosmosOperationRepository, ensureGlobalDb } from '@iomt/persistence';
import { createService, type RunningService } from '@iomt/service-kit';
import { LogCapture, resetServiceLoggerForTests } from '@iomt/service-kit/testing';
import { AppModule } from '../../src/app.module';
import { OPERATION_ROUTER_SERVICE, type OperationRouterConfig } from '../../src/config';
import { startOperationsConsumer } from '../../src/consumer/operations-server';
import { TestWorker } from './test-worker';

/** The commands the test worker answers. */
const WORKER_SUBJECTS = [
  Subject.ProvisionFhirService,
  Subject.ProvisionIomtConnector,
  Subject.DeprovisionIomtConnector,
  Subject.CreateIomtConnection,
];

/** Session-enabled queues with a short lock, so a lost lock shows up within a test. */
function emulatorConfig(): object {
  const properties = { RequiresSession: true, LockDuration: 'PT5S', MaxDeliveryCount: 5, DefaultMessageTimeToLive: 'PT1H' };
  const Queues = Object.values(QueueName).map((Name) => ({ Name, Properties: properties }));
  return { UserConfig: { Namespaces: [{ Name: 'sbemulatorns', Queues, Topics: [] }], Logging: { Type: 'Console' } } };
}

/** The real servers, the Global DB repositories, a publisher and the test worker, for one test file. */
export interface RouterWorld {
  readonly cosmos: CosmosServerHandle;
  readonly serviceBus: ServiceBusEmulator;
  readonly sdk: ServiceBusClient;
  readonly operations: CosmosOperationRepository;
  readonly registry: CosmosAccountRegistryManagementRepository;
  readonly publisher: ServiceBusOperationPublisher;
  readonly worker: TestWorker;
  /** Starts a router (the real app module, hybrid) with test-sized settings plus `env`. */
  startRouter(env?: Record<string, string>): Promise<RunningService<OperationRouterConfig>>;
  /** Closes a router gracefully (as a replica being stopped). */
  stopRouter(router: RunningService<OperationRouterConfig>): Promise<void>;
  /** Writes an operation document as the gateway would, without publishing it. */
  seedOperation(operation: OperationDocument): Promise<void>;
  /** The operation as stored now. */
  read(operation: OperationDocument): Promise<OperationDocument | undefined>;
  /** Its CompletedOperationDocument, when written. */
  readCompleted(operation: OperationDocument): Promise<CompletedOperation | undefined>;
}

/** Starts everything before the file's tests and stops it after them (routers included). */
export function useRouterWorld(): RouterWorld {
  const world = {} as { -readonly [K in keyof RouterWorld]: RouterWorld[K] };
  const routers: RunningService<OperationRouterConfig>[] = [];
  let cosmosClient: CosmosClient | undefined;
  let container: Container;

  beforeAll(async () => {
    world.cosmos = await startCosmosServer();
    world.serviceBus = await startServiceBusEmulator({ config: emulatorConfig() });
    world.sdk = new ServiceBusClient(world.serviceBus.connectionString);
    cosmosClient = new CosmosClient(world.cosmos.clientOptions);
    const containers = await ensureGlobalDb(cosmosClient, 'globaldb');
    container = containers.accountRegistry;
    world.operations = new CosmosOperationRepository(container);
    world.registry = new CosmosAccountRegistryManagementRepository(containers.accountRegistry, 3_600);
    world.publisher = ServiceBusOperationPublisher.create(world.sdk);
    world.worker = await TestWorker.start(world.serviceBus.connectionString, WORKER_SUBJECTS);
  });

  afterAll(async () => {
    for (const router of routers) await router.app.close().catch(() => undefined);
    await world.worker?.stop();
    await world.publisher?.close();
    await world.sdk?.close();
    cosmosClient?.dispose();
    await world.serviceBus?.stop();
    await world.cosmos?.stop();
  });

  world.startRouter = async (env = {}) => {
    resetServiceLoggerForTests();
    const router = await createService(AppModule, {
      ...OPERATION_ROUTER_SERVICE,
      logDestination: new LogCapture(),
      env: {
        PORT: '0',
        COSMOS_ENDPOINT: world.cosmos.endpoint,
        COSMOS_KEY: world.cosmos.key,
        COSMOS_TLS_VERIFY: 'false',
        SERVICEBUS_CONNECTION_STRING: world.serviceBus.connectionString,
        SERVICEBUS_MAX_CONCURRENT_SESSIONS: '4',
        SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: '1000',
        SERVICEBUS_REPLY_TIMEOUT_MS: '15000',
        ROUTER_ACCEPT_SESSION_TIMEOUT_MS: '1000',
        ROUTER_LOCK_RENEWAL_INTERVAL_MS: '1000',
        ROUTER_RETRY_BASE_DELAY_MS: '10',
        ROUTER_RETRY_MAX_DELAY_MS: '40',
        ROUTER_SWEEP_INTERVAL_MS: '3600000',
        ...env,
      },
    });
    routers.push(router);
    await startOperationsConsumer(router.app);
    return router;
  };
  world.stopRouter = async (router) => {
    routers.splice(routers.indexOf(router), 1);
    await router.app.close();
  };
  world.seedOperation = async (operation) => {
    await container.items.create(operationCodec.toDocument(operation));
  };
  world.read = (operation) => world.operations.get(operation.subscriptionId, operation.id);
  world.readCompleted = async (operation) => {
    const id = completedOperationId(operation.id);
    const { resource } = await container.item(id, operation.subscriptionId).read<CompletedOperation>();
    return resource;
  };
  return world;
}
