import { DynamicModule, InjectionToken, Module } from '@nestjs/common';
import { HealthModule, ReadinessIndicator } from '@iomt/service-kit';
import { UnknownRouteController } from './arm/unknown-route.controller';
import { FhirServiceResultRenderer } from './fhir-services/fhir-service.result.renderer';
import { FhirServicesModule } from './fhir-services/fhir-services.module';
import { GatewayCoreModule } from './gateway-core.module';
import { OperationStatusModule } from './operation-status/operation-status.module';
import { ProviderOperationsModule } from './provider-operations/provider-operations.module';
import { SubscriptionLifecycleModule } from './subscription-lifecycle/subscription-lifecycle.module';

/** What binds the ports: a global module providing the domain and gateway ports, and its readiness checks. */
export interface GatewayModuleOptions {
  readonly infrastructure: DynamicModule;
  readonly readinessIndicators?: InjectionToken<ReadinessIndicator>[];
}

/** Catches ARM-shaped paths nothing else serves; imported last so its routes come last. */
@Module({ imports: [GatewayCoreModule], controllers: [UnknownRouteController] })
class UnknownRouteModule {}

/**
 * The gateway: the ARM resource provider front end, one module per use case over the shared ARM
 * framework (`GatewayCoreModule`). The ports are bound by `options.infrastructure`: Cosmos DB and
 * Service Bus in production and in integration tests, small fakes in unit tests.
 */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        options.infrastructure,
        HealthModule.forRoot({ indicators: options.readinessIndicators ?? [] }),
        FhirServicesModule,
        SubscriptionLifecycleModule,
        ProviderOperationsModule,
        OperationStatusModule.forRoot({ imports: [FhirServicesModule], renderers: [FhirServiceResultRenderer] }),
        UnknownRouteModule,
      ],
    };
  }
}
