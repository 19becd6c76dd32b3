import { Module } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ArmAuthGuard } from './arm-auth.guard';
import { ARM_AUTHENTICATORS } from './arm-authenticator';
import { createAuthenticators } from './authenticators.factory';
import { TlsListener } from './tls-listener';

/** How ARM proves who it is: the authenticators the settings enable, the guard, the mTLS listener. */
@Module({
  providers: [
    { provide: ARM_AUTHENTICATORS, inject: [GATEWAY_CONFIG], useFactory: (config: GatewayConfig) => createAuthenticators(config) },
    ArmAuthGuard,
    TlsListener,
  ],
  exports: [ARM_AUTHENTICATORS, ArmAuthGuard, TlsListener],
})
export class AuthModule {}
