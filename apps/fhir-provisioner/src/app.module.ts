import { Module } from '@nestjs/common';
import { HealthModule } from '@iomt/service-kit';

/** Root module of the fhir-provisioner service: the worker that deploys Azure API for FHIR services. */
@Module({
  imports: [HealthModule.forRoot()],
})
export class AppModule {}
