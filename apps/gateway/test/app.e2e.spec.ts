import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_SERVICE } from '../src/config';
import { LocalStack, startLocalStack } from './support/local-stack';

jest.setTimeout(30_000);

describe('gateway service', () => {
  let stack: LocalStack;
  // Filled before the conformance tests run: they read it when they start the service.
  const env: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startLocalStack();
    Object.assign(env, stack.env);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  itBehavesAsAService({
    appModule: AppModule,
    service: GATEWAY_SERVICE,
    defaultPort: 8080,
    readinessIndicators: ['lifecycle', 'globalDb'],
    env,
  });
});
