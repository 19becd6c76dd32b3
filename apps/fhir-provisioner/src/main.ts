import 'reflect-metadata';
import { bootstrapService } from '@iomt/service-kit';
import { AppModule } from './app.module';
import { startFhirCommandsConsumer } from './commands-consumer';
import { FHIR_PROVISIONER_SERVICE } from './config';

void bootstrapService(AppModule, FHIR_PROVISIONER_SERVICE).then(({ app }) => startFhirCommandsConsumer(app));
