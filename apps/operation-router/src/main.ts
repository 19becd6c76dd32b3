import 'reflect-metadata';
import { bootstrapService } from '@iomt/service-kit';
import { AppModule } from './app.module';
import { OPERATION_ROUTER_SERVICE } from './config';
import { startOperationsConsumer } from './consumer/operations-server';

void bootstrapService(AppModule, OPERATION_ROUTER_SERVICE).then(({ app }) => startOperationsConsumer(app));
