import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { KEY_ROTATOR_SERVICE } from '../src/config';

describe('key-rotator service', () => {
  itBehavesAsAService({
    appModule: AppModule,
    service: KEY_ROTATOR_SERVICE,
    defaultPort: 8093,
    readinessIndicators: ['lifecycle'],
  });
});
