import { DynamicModule, InjectionToken, Module } from '@nestjs/common';
import { HealthModule, ReadinessIndicator } from '@iomt/service-kit';
import { AdminModule } from './admin/admin.module';
import { UnknownRouteController } from './arm/unknown-route.controller';
import { FhirServiceResultRenderer } from './fhir-services/fhir-service.result.renderer';
import { FhirServicesModule } from './fhir-services/fhir-services.module';
import { GatewayCoreModule } from './gateway-core.module';
import { IomtConnectionResultRenderer } from './iomt-connections/iomt-connection.result.renderer';
import { IomtConnectionsModule } from './iomt-connections/iomt-connections.module';
import { IomtConnectorResultRenderer } from './iomt-connectors/iomt-connector.result.renderer';
import { IomtConnectorsModule } from './iomt-connectors/iomt-connectors.module';
import { IomtMappingResultRenderer } from './iomt-mappings/iomt-mapping.result.renderer';
import { IomtMappingsModule } from './iomt-mappings/iomt-mappings.module';
import { OpenApiModule } from './openapi/openapi.controller';
import { OperationStatusModule } from './operation-status/operation-status.module';
import { ProviderActionsModule } from './provider-actions/provider-actions.module';
import { ProviderOperationsModule } from './provider-operations/provider-operations.module';
import { SubscriptionLifecycleModule } from './subscription-lifecycle/subscription-lifecycle.module';

const useCases = [
  FhirServicesModule,
  IomtConnectorsModule,
  IomtMappingsModule,
  IomtConnectionsModule,
  SubscriptionLifecycleModule,
  ProviderOperationsModule,
  ProviderActionsModule,
  AdminModule,
];

const operationResults = OperationStatusModule.forRoot({
  imports: [FhirServicesModule, IomtConnectorsModule, IomtMappingsModule, IomtConnectionsModule],
  renderers: [FhirServiceResultRenderer, IomtConnectorResultRenderer, IomtMappingResultRenderer, IomtConnectionResultRenderer],
});

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
        ...useCases,
        operationResults,
        OpenApiModule,
        UnknownRouteModule,
      ],
    };
  }
}
