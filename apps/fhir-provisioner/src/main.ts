import 'reflect-metadata';
import { bootstrapService } from '@iomt/service-kit';
import { AppModule } from './app.module';
import { FHIR_PROVISIONER_SERVICE } from './config';

void bootstrapService(AppModule, FHIR_PROVISIONER_SERVICE);
