import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { from, Observable, switchMap } from 'rxjs';
import { GatewayRequest } from './gateway-request';
import { readJsonBody } from './json-body.reader';

/** DI token of the body size limit in bytes (ARM's 4 MB: `MAX_REQUEST_BODY_BYTES`). */
export const REQUEST_BODY_LIMIT = Symbol('REQUEST_BODY_LIMIT');

/**
 * Reads the JSON body of an ARM request after the guards ran, so an unauthenticated caller gets its
 * 401 without the gateway reading up to 4 MB first (Nest's own parsers are kept out: see
 * `express-setup.provider.ts`).
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  constructor(@Inject(REQUEST_BODY_LIMIT) private readonly limit: number) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    return from(readJsonBody(request, this.limit)).pipe(switchMap(() => next.handle()));
  }
}
