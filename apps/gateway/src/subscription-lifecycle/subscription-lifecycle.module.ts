import { Module } from '@nestjs/common';
import { FhirServicesModule } from '../fhir-services/fhir-services.module';
import { GatewayCoreModule } from '../gateway-core.module';
import { SubscriptionDeletionCascade } from './subscription-deletion.cascade';
import { SubscriptionLifecycleController } from './subscription-lifecycle.controller';
import { SubscriptionPutHandler } from './subscription.put.handler';

/** The subscription lifecycle use case. */
@Module({
  imports: [GatewayCoreModule, FhirServicesModule],
  controllers: [SubscriptionLifecycleController],
  providers: [SubscriptionPutHandler, SubscriptionDeletionCascade],
})
export class SubscriptionLifecycleModule {}
