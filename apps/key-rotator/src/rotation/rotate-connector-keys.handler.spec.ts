import { TransientError } from '@iomt/domain';
import { RotationFixture } from '../testing/rotation-fixture';
import { RotateConnectorKeysHandler } from './rotate-connector-keys.handler';
import type { RotateConnectorKeysUseCase } from './rotate-connector-keys.use-case';
import { UnexpectedWorkerError } from '@iomt/service-kit';

function handlerWith(execute: RotateConnectorKeysUseCase['execute']): RotateConnectorKeysHandler {
  return new RotateConnectorKeysHandler({ execute } as RotateConnectorKeysUseCase);
}

describe('RotateConnectorKeysHandler', () => {
  it('runs a valid command and answers the recorded state', async () => {
    const f = new RotationFixture();

    const result = await new RotateConnectorKeysHandler(f.useCase()).handle(f.command());

    expect(result).toEqual({ isUsingPrimaryKey: false, secretLastRotated: f.clock.now().toISOString(), secretRotationCount: 1 });
  });

  it.each([
    ['no body', undefined, undefined],
    ['a bad operation id', { operationId: 'not an id' }, 'operationId'],
    ['a bad subscription id', { subscriptionId: 'x' }, 'subscriptionId'],
    ['a FHIR service instead of a connector', { resourceId: '/subscriptions/0f2e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1' }, 'resourceId'],
    ['attempt 0', { attempt: 0 }, 'attempt'],
  ])('refuses %s with a non-retryable InvalidMessage naming the field', async (_case, changes, target) => {
    const f = new RotationFixture();
    const execute = jest.fn();
    const body = changes === undefined ? undefined : { ...f.command(), ...changes };

    const error = await handlerWith(execute).handle(body).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'InvalidMessage', retryable: false });
    if (target !== undefined) expect((error as { details: { target?: string }[] }).details.map((d) => d.target)).toContain(target);
    expect(execute).not.toHaveBeenCalled();
  });

  it('passes a domain error through with its code and retryable flag', async () => {
    const f = new RotationFixture();
    const error = await handlerWith(() => Promise.reject(new TransientError('ARM is unavailable'))).handle(f.command()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ServiceUnavailable', retryable: true, message: 'ARM is unavailable' });
  });

  it('turns an unexpected failure into a retryable internal error without its text', async () => {
    const f = new RotationFixture();
    const error = await handlerWith(() => Promise.reject(new Error('socket hang up near AccountKey=abc'))).handle(f.command()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedWorkerError);
    expect(error).toMatchObject({ code: 'InternalServerError', retryable: true, message: 'Internal server error.' });
  });
});
