import { Module } from '@nestjs/common';
import { HealthModule } from '@iomt/service-kit';

/** Root module of the iomt-provisioner service: the worker that deploys IoMT connectors and their mappings. */
@Module({
  imports: [HealthModule.forRoot()],
})
export class AppModule {}
