import { Injectable, NestMiddleware } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { GatewayRequest, headerValue } from './gateway-request';

const CLIENT_REQUEST_ID = 'x-ms-client-request-id';
const RETURN_CLIENT_REQUEST_ID = 'x-ms-return-client-request-id';
const CORRELATION_REQUEST_ID = 'x-ms-correlation-request-id';

type Logged = { log?: PinoLogger };

/**
 * The ARM request headers every request gets (arm-rpc.md §1.2):
 * - `x-ms-client-request-id` and `x-ms-correlation-request-id` are bound to the request's log
 *   lines, including the completion line;
 * - `x-ms-client-request-id` is echoed when `x-ms-return-client-request-id: true`.
 * (`x-ms-arm-resource-system-data` is moved off the headers earlier: `express-setup.provider.ts`.)
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: GatewayRequest, response: ServerResponse, next: (error?: unknown) => void): void {
    const clientRequestId = headerValue(request, CLIENT_REQUEST_ID);
    const correlationRequestId = headerValue(request, CORRELATION_REQUEST_ID);
    if (clientRequestId !== undefined && headerValue(request, RETURN_CLIENT_REQUEST_ID)?.toLowerCase() === 'true') {
      response.setHeader(CLIENT_REQUEST_ID, clientRequestId);
    }
    const bindings = {
      ...(clientRequestId === undefined ? {} : { clientRequestId }),
      ...(correlationRequestId === undefined ? {} : { correlationRequestId }),
    };
    bindLogs(request as GatewayRequest & Logged, response as ServerResponse & Logged, bindings);
    next();
  }
}

function bindLogs(request: Logged, response: Logged, bindings: Record<string, string>): void {
  if (Object.keys(bindings).length === 0) return;
  request.log?.setBindings(bindings);
  if (response.log !== request.log) response.log?.setBindings(bindings);
}
