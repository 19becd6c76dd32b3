import 'reflect-metadata';
import { bootstrapService } from '@iomt/service-kit';
import { AppModule } from './app.module';
import { startIomtCommandsConsumer } from './commands-consumer';
import { IOMT_PROVISIONER_SERVICE } from './config';

void bootstrapService(AppModule, IOMT_PROVISIONER_SERVICE).then(({ app }) => startIomtCommandsConsumer(app));
