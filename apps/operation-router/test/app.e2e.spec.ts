import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { OPERATION_ROUTER_SERVICE } from '../src/config';

describe('operation-router service', () => {
  itBehavesAsAService({
    appModule: AppModule,
    service: OPERATION_ROUTER_SERVICE,
    defaultPort: 8090,
    readinessIndicators: ['lifecycle'],
  });
});
