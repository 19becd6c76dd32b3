import { Module } from '@nestjs/common';
import { GatewayModule } from './gateway.module';
import { GATEWAY_READINESS_INDICATORS, GatewayInfrastructureModule } from './infrastructure/gateway-infrastructure.module';

/** Root module of the gateway: the ARM resource provider front end on the real infrastructure. */
@Module({
  imports: [
    GatewayModule.forRoot({
      infrastructure: GatewayInfrastructureModule.forRoot(),
      readinessIndicators: GATEWAY_READINESS_INDICATORS,
    }),
  ],
})
export class AppModule {}
