import { itBehavesAsAService } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { FHIR_PROVISIONER_SERVICE } from '../src/config';

describe('fhir-provisioner service', () => {
  itBehavesAsAService({
    appModule: AppModule,
    service: FHIR_PROVISIONER_SERVICE,
    defaultPort: 8092,
    readinessIndicators: ['lifecycle'],
  });
});
