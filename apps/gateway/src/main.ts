import 'reflect-metadata';
import { bootstrapService } from '@iomt/service-kit';
import { AppModule } from './app.module';
import { GATEWAY_SERVICE } from './config';

void bootstrapService(AppModule, GATEWAY_SERVICE);
