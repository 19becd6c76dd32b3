import type { GatewayRequest } from '../arm/gateway-request';
import type { ArmAuthenticator } from './arm-authenticator';
import { isLoopbackHost } from './loopback';

/**
 * The local stack without a token (`LOCAL_ALLOW_ANONYMOUS`, set by `npm start` when
 * LOCAL_ARM_TOKEN is unset): any request that arrived on a loopback address is ARM's.
 * Configuration refuses the setting unless HOST is loopback.
 */
export class LoopbackAnonymousAuthenticator implements ArmAuthenticator {
  readonly mode = 'localAnonymous';

  authenticate(request: GatewayRequest): boolean {
    return isLoopbackHost(request.socket.localAddress);
  }
}
