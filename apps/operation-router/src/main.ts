import 'reflect-metadata';
import { bootstrapService } from '@iomt/service-kit';
import { AppModule } from './app.module';
import { OPERATION_ROUTER_SERVICE } from './config';

void bootstrapService(AppModule, OPERATION_ROUTER_SERVICE);
