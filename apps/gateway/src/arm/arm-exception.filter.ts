import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { toErrorResponse } from './error-response';
import { FAILURE_CAUSE_HEADER, failureCauseOf } from './failure-cause';
import { REQUEST_ID_HEADER } from './gateway-request';

/**
 * Answers every failure of an ARM route with the ARM error body `{"error":{code,message,target,
 * details}}` and the status its kind calls for; bad input is never a 500. `x-ms-failurecause`
 * says who caused it (`client` for a 4xx, `service` otherwise). Unexpected errors are logged (the
 * body says nothing about them).
 */
@Catch()
export class ArmExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ArmExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const answer = toErrorResponse(exception);
    if (answer.status >= 500) this.logger.error({ err: exception }, 'ARM request failed');
    if (response.headersSent) {
      response.destroy();
      return;
    }
    // The request logger sets it; a failure before that still carries one (ARM requires it on every response).
    if (response.getHeader(REQUEST_ID_HEADER) === undefined) response.setHeader(REQUEST_ID_HEADER, randomUUID());
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.setHeader(FAILURE_CAUSE_HEADER, failureCauseOf(answer.status));
    const body = JSON.stringify(answer.body);
    response.statusCode = answer.status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('content-length', Buffer.byteLength(body));
    response.end(body);
  }
}
