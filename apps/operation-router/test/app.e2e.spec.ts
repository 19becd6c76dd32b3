import { startCosmosServer, startServiceBusEmulator, type CosmosServerHandle, type ServiceBusEmulator } from '@iomt/local-stack';
import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { OPERATION_ROUTER_SERVICE } from '../src/config';

jest.setTimeout(30_000);

describe('operation-router service', () => {
  const env: Record<string, string> = {};
  let cosmos: CosmosServerHandle | undefined;
  let serviceBus: ServiceBusEmulator | undefined;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    serviceBus = await startServiceBusEmulator({ config: join(__dirname, '../../../config/servicebus/Config.json') });
    Object.assign(env, {
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_TLS_VERIFY: 'false',
      SERVICEBUS_CONNECTION_STRING: serviceBus.connectionString,
    });
  });

  afterAll(async () => {
    await serviceBus?.stop();
    await cosmos?.stop();
  });

  itBehavesAsAService({
    appModule: AppModule,
    service: OPERATION_ROUTER_SERVICE,
    defaultPort: 8090,
    readinessIndicators: ['lifecycle', 'globalDb'],
    env,
  });
});
