import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { IOMT_PROVISIONER_SERVICE } from '../src/config';

describe('iomt-provisioner service', () => {
  itBehavesAsAService({
    appModule: AppModule,
    service: IOMT_PROVISIONER_SERVICE,
    defaultPort: 8091,
    readinessIndicators: ['lifecycle'],
  });
});
