import { Module } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ArmAuthGuard } from './arm-auth.guard';
import { AdminAuthGuard } from './admin-auth.guard';
import { ADMIN_AUTHENTICATORS, ARM_AUTHENTICATORS } from './arm-authenticator';
import { createAdminAuthenticators, createAuthenticators } from './authenticators.factory';
import { TlsListener } from './tls-listener';

/** How ARM and operators prove who they are: the authenticators the settings enable, the guards, the mTLS listener. */
@Module({
  providers: [
    { provide: ARM_AUTHENTICATORS, inject: [GATEWAY_CONFIG], useFactory: (config: GatewayConfig) => createAuthenticators(config) },
    { provide: ADMIN_AUTHENTICATORS, inject: [GATEWAY_CONFIG], useFactory: (config: GatewayConfig) => createAdminAuthenticators(config) },
    ArmAuthGuard,
    AdminAuthGuard,
    TlsListener,
  ],
  exports: [ARM_AUTHENTICATORS, ADMIN_AUTHENTICATORS, ArmAuthGuard, AdminAuthGuard, TlsListener],
})
export class AuthModule {}
