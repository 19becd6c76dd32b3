import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_SERVICE } from '../src/config';

describe('gateway service', () => {
  itBehavesAsAService({
    appModule: AppModule,
    service: GATEWAY_SERVICE,
    defaultPort: 8080,
    readinessIndicators: ['lifecycle'],
  });
});
