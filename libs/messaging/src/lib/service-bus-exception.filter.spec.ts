import { ValidationError } from '@iomt/domain';
import { ArgumentsHost } from '@nestjs/common';
import { lastValueFrom } from 'rxjs';
import { ServiceBusExceptionFilter } from './service-bus-exception.filter';

describe('ServiceBusExceptionFilter', () => {
  it.each([[new ValidationError('bad')], [new Error('bug')], ['a string'], [{ code: 'X', retryable: true }]])(
    'hands %p to the transport unchanged',
    async (thrown) => {
      const result$ = new ServiceBusExceptionFilter().catch(thrown, {} as ArgumentsHost);
      await expect(lastValueFrom(result$)).rejects.toBe(thrown);
    },
  );
});
