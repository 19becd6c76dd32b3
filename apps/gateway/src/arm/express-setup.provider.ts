import { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayRequest, headerValue } from './gateway-request';
import { SYSTEM_DATA_HEADER } from './system-data';

/** DI token of the provider that sets up Express before Nest mounts anything. */
export const EXPRESS_SETUP = Symbol('EXPRESS_SETUP');

type Layer = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

interface ExpressApp {
  use(layer: Layer): void;
  set(setting: string, value: unknown): void;
}

/** Moves `x-ms-arm-resource-system-data` off the headers before the request logger serialises them: it is customer data. */
function systemDataOffHeaders(request: IncomingMessage, _response: ServerResponse, next: () => void): void {
  const value = headerValue(request, SYSTEM_DATA_HEADER);
  if (value !== undefined) {
    (request as GatewayRequest).systemDataHeader = value;
    delete request.headers[SYSTEM_DATA_HEADER];
  }
  next();
}

/**
 * Express layers that must come before anything Nest mounts, added while the container is built
 * (which is before Nest's init):
 * - the systemData header is moved off the headers before the request logger sees them;
 * - Nest mounts `express.json()` (100 kB limit, before any guard) and `express.urlencoded()` at
 *   init unless layers with those names exist: two pass-through layers take the names, and the
 *   gateway reads bodies itself after authentication with ARM's 4 MB limit (`JsonBodyInterceptor`).
 *   (A `bodyParser: false` option on service-kit's `createService` would replace this.)
 * - Express's automatic `ETag` (a hash of the body) is off: an ARM `ETag` is the resource's own.
 */
export const expressSetupProvider: Provider = {
  provide: EXPRESS_SETUP,
  inject: [HttpAdapterHost],
  useFactory: (host: HttpAdapterHost): true => {
    const app = host.httpAdapter?.getInstance() as ExpressApp | undefined;
    if (app === undefined) {
      throw new Error('The gateway must be created with NestFactory.create (createService); no HTTP adapter was found');
    }
    app.set('etag', false);
    app.use(systemDataOffHeaders);
    app.use(function jsonParser(_request, _response, next) {
      next();
    });
    app.use(function urlencodedParser(_request, _response, next) {
      next();
    });
    return true;
  },
};
