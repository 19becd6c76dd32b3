import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { IOMT_PROVISIONER_SERVICE } from '../src/config';
import type { LocalStack } from '@iomt/local-stack';
import { startWorkerTestStack } from '@iomt/local-stack/testing';

jest.setTimeout(30_000);

describe('iomt-provisioner service', () => {
  const env: Record<string, string> = {};
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    stack = await startWorkerTestStack();
    const { PORT: _port, HOST: _host, ...settings } = stack.env;
    Object.assign(env, settings);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  itBehavesAsAService({
    appModule: AppModule,
    service: IOMT_PROVISIONER_SERVICE,
    defaultPort: 8091,
    readinessIndicators: ['lifecycle', 'globalDb'],
    env,
  });
});
