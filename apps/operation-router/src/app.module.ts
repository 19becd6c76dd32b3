import { Module } from '@nestjs/common';
import { HealthModule } from '@iomt/service-kit';

/** Root module of the operation-router service: the orchestrator: one operation of a subscription at a time, through the handler chain. */
@Module({
  imports: [HealthModule.forRoot()],
})
export class AppModule {}
