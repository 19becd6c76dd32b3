import { createHash, timingSafeEqual } from 'node:crypto';
import type { GatewayRequest } from '../arm/gateway-request';
import { ArmAuthenticator, bearerTokenOf } from './arm-authenticator';
import { isLoopbackHost } from './loopback';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The local stack's mode: `Authorization: Bearer <LOCAL_ARM_TOKEN>`. Configuration refuses it
 * unless HOST is loopback; here a request must also have arrived on a loopback address, so a TLS
 * listener on another interface cannot be reached with it.
 */
export class StaticTokenAuthenticator implements ArmAuthenticator {
  readonly mode = 'localToken';
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = digest(token);
  }

  authenticate(request: GatewayRequest): boolean {
    const token = bearerTokenOf(request);
    if (token === undefined || !isLoopbackHost(request.socket.localAddress)) return false;
    // Digests have equal lengths, so the comparison's time does not depend on the token.
    return timingSafeEqual(digest(token), this.expected);
  }
}
