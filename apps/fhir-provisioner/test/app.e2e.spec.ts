import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { FHIR_PROVISIONER_SERVICE } from '../src/config';
import { startLocalStack, type LocalStack } from './support/local-stack';

jest.setTimeout(30_000);

describe('fhir-provisioner service', () => {
  const env: Record<string, string> = {};
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    stack = await startLocalStack();
    const { PORT: _port, HOST: _host, ...settings } = stack.env;
    Object.assign(env, settings);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  itBehavesAsAService({
    appModule: AppModule,
    service: FHIR_PROVISIONER_SERVICE,
    defaultPort: 8092,
    readinessIndicators: ['lifecycle', 'globalDb'],
    env,
  });
});
