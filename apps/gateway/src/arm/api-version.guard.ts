import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertSupportedApiVersion, invalidApiVersionError, isMissingApiVersion, missingApiVersionError } from '@iomt/domain';
import { ARM_FIXED_API_VERSIONS, ARM_RESOURCE_TYPE } from './arm-route.decorators';
import { GatewayRequest } from './gateway-request';

/**
 * Checks `api-version` against the route's resource type in the domain's table (400
 * `MissingApiVersionParameter` / `InvalidApiVersionParameter`, arm-rpc.md §1.8) and records the
 * version for the handler. Routes without metadata (there should be none) are refused, not waved through.
 */
@Injectable()
export class ApiVersionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const requested = request.query['api-version'];
    const fixed = this.reflector.getAllAndOverride<string[] | undefined>(ARM_FIXED_API_VERSIONS, targets);
    if (fixed !== undefined && fixed.length === 0) return true;
    if (fixed !== undefined) {
      if (isMissingApiVersion(requested)) throw missingApiVersionError();
      if (typeof requested !== 'string' || !fixed.includes(requested)) throw invalidApiVersionError(requested, fixed);
      request.armApiVersion = requested;
      return true;
    }
    const resourceType = this.reflector.getAllAndOverride<string | undefined>(ARM_RESOURCE_TYPE, targets);
    if (resourceType === undefined) throw new Error(`Route ${context.getHandler().name} declares no ARM resource type`);
    request.armApiVersion = assertSupportedApiVersion(resourceType, requested);
    return true;
  }
}
