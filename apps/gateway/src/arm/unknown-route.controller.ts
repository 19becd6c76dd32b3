import { All, Req } from '@nestjs/common';
import { ArmErrorCode } from './arm-error-codes';
import { ArmRequestError } from './arm-request-error';
import { ArmAnyApiVersion, ArmController } from './arm-route.decorators';
import type { GatewayRequest } from './gateway-request';

/**
 * Answers ARM-shaped paths no route serves (a type, action or verb this provider does not have)
 * with 404 and the ARM error body. Registered after every other controller.
 */
@ArmController()
export class UnknownRouteController {
  @All(['subscriptions/*path', 'providers/*path'])
  @ArmAnyApiVersion()
  notFound(@Req() request: GatewayRequest): never {
    const path = (request.url ?? '').split('?')[0].slice(0, 200);
    throw new ArmRequestError(404, ArmErrorCode.NotFound, `No ${request.method} operation is served at '${path}'.`);
  }
}
