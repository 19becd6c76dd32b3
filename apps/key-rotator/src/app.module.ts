import { Module } from '@nestjs/common';
import { HealthModule } from '@iomt/service-kit';

/** Root module of the key-rotator service: the worker that rotates IoMT connector secrets on a schedule. */
@Module({
  imports: [HealthModule.forRoot()],
})
export class AppModule {}
