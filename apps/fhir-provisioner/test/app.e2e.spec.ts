import { itBehavesAsAServiceOnTheLocalStack } from '@iomt/local-stack/testing';
import { AppModule } from '../src/app.module';
import { FHIR_PROVISIONER_SERVICE } from '../src/config';

jest.setTimeout(30_000);

describe('fhir-provisioner service', () => {
  itBehavesAsAServiceOnTheLocalStack({
    appModule: AppModule,
    service: FHIR_PROVISIONER_SERVICE,
    defaultPort: 8092,
    readinessIndicators: ['lifecycle', 'globalDb'],
  });
});
