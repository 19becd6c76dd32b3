import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { map, Observable } from 'rxjs';
import { etagHeader, type ArmResponse } from './arm-response';

/**
 * Writes a handler's {@link ArmResponse}: status and headers here, the body through Nest (JSON).
 * A resource body's `etag` is also sent as the `ETag` header, as ARM requires.
 */
@Injectable()
export class ArmResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<ArmResponse>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<ServerResponse & { status(code: number): unknown }>();
    return next.handle().pipe(
      map((answer) => {
        response.status(answer.status);
        const headers = { ...etagHeader(answer.body), ...answer.headers };
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        return answer.body;
      }),
    );
  }
}
