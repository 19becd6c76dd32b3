import { itBehavesAsAServiceOnTheLocalStack } from '@iomt/local-stack/testing';
import { AppModule } from '../src/app.module';
import { IOMT_PROVISIONER_SERVICE } from '../src/config';

jest.setTimeout(30_000);

describe('iomt-provisioner service', () => {
  itBehavesAsAServiceOnTheLocalStack({
    appModule: AppModule,
    service: IOMT_PROVISIONER_SERVICE,
    defaultPort: 8091,
    readinessIndicators: ['lifecycle', 'globalDb'],
  });
});
