import { startCosmosServer, startFakeArm, startServiceBusEmulator, type CosmosServerHandle, type FakeArm, type ServiceBusEmulator } from '@iomt/local-stack';
import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { KEY_ROTATOR_SERVICE } from '../src/config';

jest.setTimeout(30_000);

describe('key-rotator service', () => {
  const env: Record<string, string> = {};
  let cosmos: CosmosServerHandle | undefined;
  let serviceBus: ServiceBusEmulator | undefined;
  let fakeArm: FakeArm | undefined;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    serviceBus = await startServiceBusEmulator({ config: join(__dirname, '../../../config/servicebus/Config.json') });
    fakeArm = await startFakeArm();
    Object.assign(env, {
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_TLS_VERIFY: 'false',
      SERVICEBUS_CONNECTION_STRING: serviceBus.connectionString,
      ARM_MODE: 'local',
      ARM_ENDPOINT: fakeArm.endpoint,
    });
  });

  afterAll(async () => {
    await fakeArm?.stop();
    await serviceBus?.stop();
    await cosmos?.stop();
  });

  itBehavesAsAService({
    appModule: AppModule,
    service: KEY_ROTATOR_SERVICE,
    defaultPort: 8093,
    readinessIndicators: ['lifecycle', 'globalDb'],
    env,
  });
});
