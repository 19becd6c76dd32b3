import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error to the Service Bus transport unchanged. Nest's default RPC filter
 * turns every error that is not an `RpcException` into `{ status: 'error', message: 'Internal
 * server error' }`, which hides a `DomainError`'s `code` and `retryable` from the settlement
 * policy (everything would then be abandoned as unknown). Register it on the microservice:
 * `microservice.useGlobalFilters(new ServiceBusExceptionFilter())`, or on controllers with
 * `@UseFilters`.
 * @publicApi
 */
@Catch()
export class ServiceBusExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
