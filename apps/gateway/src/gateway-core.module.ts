import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AcceptedResponses } from './admission/accepted-response';
import { OperationAdmission } from './admission/operation-admission.service';
import { RegionAllowlist } from './admission/region-allowlist.service';
import { SubscriptionAccess } from './admission/subscription-access.service';
import { WriteSnapshots } from './admission/write-snapshots.service';
import { ApiVersionGuard } from './arm/api-version.guard';
import { expressSetupProvider } from './arm/express-setup.provider';
import { REQUEST_BODY_LIMIT } from './arm/json-body.interceptor';
import { ArmPaging } from './arm/paging';
import { RequestContextMiddleware } from './arm/request-context.middleware';
import { SkipTokenSealer } from './arm/skip-token.sealer';
import { SystemDataRecorder } from './arm/system-data.recorder';
import { AuthModule } from './auth/auth.module';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { MAX_REQUEST_BODY_BYTES } from './config/gateway-settings';

const framework = [
  expressSetupProvider,
  { provide: REQUEST_BODY_LIMIT, useValue: MAX_REQUEST_BODY_BYTES },
  {
    provide: SkipTokenSealer,
    inject: [GATEWAY_CONFIG],
    useFactory: (config: GatewayConfig) =>
      new SkipTokenSealer(config.SKIP_TOKEN_KEY === undefined ? undefined : Buffer.from(config.SKIP_TOKEN_KEY, 'base64')),
  },
  ApiVersionGuard,
  ArmPaging,
  SystemDataRecorder,
  RequestContextMiddleware,
];

const admission = [OperationAdmission, RegionAllowlist, SubscriptionAccess, AcceptedResponses, WriteSnapshots];

/**
 * The ARM framework every use case shares: authentication, api-version check, body reading,
 * paging, systemData, and admission of long-running operations. The domain ports it needs come
 * from the (global) infrastructure module `GatewayModule` is given.
 */
@Module({
  imports: [AuthModule],
  providers: [...framework, ...admission],
  exports: [AuthModule, ...framework.map((p) => ('provide' in p ? p.provide : p)), ...admission],
})
export class GatewayCoreModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
