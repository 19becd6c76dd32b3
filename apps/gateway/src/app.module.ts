import { Module } from '@nestjs/common';
import { HealthModule } from '@iomt/service-kit';

/** Root module of the gateway: the ARM resource provider front end. */
@Module({
  imports: [HealthModule.forRoot()],
})
export class AppModule {}
