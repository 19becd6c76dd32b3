import 'reflect-metadata';
import { bootstrapService } from '@iomt/service-kit';
import { AppModule } from './app.module';
import { KEY_ROTATOR_SERVICE } from './config';
import { startKeyRotationConsumer } from './key-rotation-commands.server';

void bootstrapService(AppModule, KEY_ROTATOR_SERVICE).then(({ app }) => startKeyRotationConsumer(app));
