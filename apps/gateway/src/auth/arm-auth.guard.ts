import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ArmErrorCode } from '../arm/arm-error-codes';
import { ArmRequestError } from '../arm/arm-request-error';
import type { GatewayRequest } from '../arm/gateway-request';
import { ARM_AUTHENTICATORS, ArmAuthenticator } from './arm-authenticator';

/**
 * Lets a request through when one of the configured authenticators accepts it; anything else is
 * 401 `AuthenticationFailed` with the ARM error body. No authenticator configured means every ARM
 * request is refused (fail closed).
 */
@Injectable()
export class ArmAuthGuard implements CanActivate {
  constructor(@Inject(ARM_AUTHENTICATORS) private readonly authenticators: readonly ArmAuthenticator[]) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    for (const authenticator of this.authenticators) {
      if (await authenticator.authenticate(request)) return true;
    }
    throw new ArmRequestError(
      401,
      ArmErrorCode.AuthenticationFailed,
      'The request is not authenticated: present an accepted client certificate or a valid bearer token.',
      { headers: { 'www-authenticate': 'Bearer' } },
    );
  }
}
