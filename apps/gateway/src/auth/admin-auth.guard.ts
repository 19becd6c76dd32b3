import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ArmErrorCode } from '../arm/arm-error-codes';
import { ArmRequestError } from '../arm/arm-request-error';
import type { GatewayRequest } from '../arm/gateway-request';
import { ADMIN_AUTHENTICATORS, ARM_AUTHENTICATORS, ArmAuthenticator } from './arm-authenticator';

async function anyAccepts(authenticators: readonly ArmAuthenticator[], request: GatewayRequest): Promise<boolean> {
  for (const authenticator of authenticators) {
    if (await authenticator.authenticate(request)) return true;
  }
  return false;
}

/**
 * Guards the operators' admin API: only the admin credential (ADMIN_TOKEN, or an Entra ID token
 * with the admin app role) gets through. A caller ARM's credentials identify is refused with 403
 * (known, not allowed: ARM's callers never reach admin actions); anyone else with 401. No admin
 * authenticator configured refuses everyone (fail closed).
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    @Inject(ADMIN_AUTHENTICATORS) private readonly admins: readonly ArmAuthenticator[],
    @Inject(ARM_AUTHENTICATORS) private readonly arm: readonly ArmAuthenticator[],
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    if (await anyAccepts(this.admins, request)) return true;
    if (await anyAccepts(this.arm, request)) {
      throw new ArmRequestError(403, ArmErrorCode.Forbidden, 'The admin API needs an operator credential; ARM credentials are not enough.');
    }
    throw new ArmRequestError(401, ArmErrorCode.AuthenticationFailed, 'The request is not authenticated: present an operator credential.', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
}
