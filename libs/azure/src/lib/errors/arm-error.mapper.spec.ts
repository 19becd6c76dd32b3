import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import {
  ConflictError,
  DomainError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '@iomt/domain';
import { mapArmError, mapDeploymentError, withArmErrors } from './arm-error.mapper';
import { ArmAuthorizationFailedError, ArmDeploymentFailedError, ArmRequestError } from './arm-errors';

/** A RestError with the ARM error body the HLC clients parse into `details`. */
function armError(
  statusCode: number | undefined,
  code: string,
  headers: Record<string, string> = {},
  inner: unknown[] = [],
): RestError {
  const request = createPipelineRequest({ url: 'https://management.azure.com/x' });
  const response =
    statusCode === undefined ? undefined : { request, status: statusCode, headers: createHttpHeaders(headers) };
  const error = new RestError(`${code} happened`, { statusCode, code, request, response });
  return Object.assign(error, { details: { error: { code, message: `${code} happened`, details: inner } } });
}

type ErrorClass = abstract new (...args: never[]) => DomainError;

describe('mapArmError', () => {
  it.each<[string, RestError, ErrorClass, string, boolean]>([
    ['429', armError(429, 'TooManyRequests', { 'retry-after': '3' }), ThrottledError, 'TooManyRequests', true],
    ['500', armError(500, 'InternalServerError'), TransientError, 'ServiceUnavailable', true],
    ['network', armError(undefined, 'ECONNRESET'), TransientError, 'ServiceUnavailable', true],
    ['403', armError(403, 'AuthorizationFailed'), ArmAuthorizationFailedError, 'AuthorizationFailed', false],
    [
      '401',
      armError(401, 'InvalidAuthenticationToken'),
      ArmAuthorizationFailedError,
      'InvalidAuthenticationToken',
      false,
    ],
    ['404', armError(404, 'ResourceNotFound'), ResourceNotFoundError, 'ResourceNotFound', false],
    ['409 job running', armError(409, 'Conflict'), ConflictError, 'Conflict', false],
    ['409 group being deleted', armError(409, 'ResourceGroupBeingDeleted'), TransientError, 'ServiceUnavailable', true],
    ['400', armError(400, 'InvalidRequestContent'), ArmRequestError, 'InvalidRequestContent', false],
  ])('%s → %p with code %s (retryable %s)', (_, error, type, code, retryable) => {
    const mapped = mapArmError(error, 'do a thing') as DomainError;
    expect(mapped).toBeInstanceOf(type);
    expect(mapped.code).toBe(code);
    expect(mapped.retryable).toBe(retryable);
    expect(mapped.message).toContain('Could not do a thing');
    expect(mapped.cause).toBe(error);
  });

  it('keeps the server retry-after on a throttled error', () => {
    const mapped = mapArmError(armError(429, 'TooManyRequests', { 'retry-after': '3' }), 'x') as ThrottledError;
    expect(mapped.retryAfterMs).toBe(3000);
  });

  it('passes domain errors and non-ARM errors through', () => {
    const domain = new ValidationError('bad');
    const plain = new Error('plain');
    expect(mapArmError(domain, 'x')).toBe(domain);
    expect(mapArmError(plain, 'x')).toBe(plain);
  });
});

describe('mapDeploymentError', () => {
  it.each<[string, RestError, ErrorClass, string]>([
    ['throttled', armError(429, 'TooManyRequests'), ThrottledError, 'TooManyRequests'],
    ['unavailable', armError(503, 'ServiceUnavailable'), TransientError, 'ServiceUnavailable'],
    ['not authorized', armError(403, 'AuthorizationFailed'), ArmAuthorizationFailedError, 'AuthorizationFailed'],
    ['invalid template', armError(400, 'InvalidTemplate'), ArmDeploymentFailedError, 'DeploymentFailed'],
    ['quota', armError(409, 'QuotaExceeded'), ArmDeploymentFailedError, 'DeploymentFailed'],
    ['group not found', armError(404, 'ResourceGroupNotFound'), ArmDeploymentFailedError, 'DeploymentFailed'],
  ])('%s → %p (%s)', (_, error, type, code) => {
    const mapped = mapDeploymentError(error, 'iomt-connector-op1') as DomainError;
    expect(mapped).toBeInstanceOf(type);
    expect(mapped.code).toBe(code);
  });

  it('keeps the raw ARM error in the details of DeploymentFailed', () => {
    const error = armError(400, 'InvalidTemplate', {}, [
      { code: 'InvalidTemplateParameter', message: 'p is bad', target: 'p' },
    ]);
    const mapped = mapDeploymentError(error, 'iomt-connector-op1') as ArmDeploymentFailedError;
    expect(mapped.retryable).toBe(false);
    expect(mapped.target).toBe('iomt-connector-op1');
    expect(mapped.details).toEqual([
      { code: 'InvalidTemplate', message: 'InvalidTemplate happened' },
      { code: 'InvalidTemplateParameter', message: 'p is bad', target: 'p' },
    ]);
  });
});

describe('ArmDeploymentFailedError', () => {
  it.each([
    [[{ code: 'InternalServerError' }, { code: 'AnotherOperationInProgress' }], true],
    [[{ code: 'InternalServerError' }, { code: 'InvalidTemplate' }], false],
    [[{ code: 'ResourceDeploymentFailure', details: [{ code: 'TooManyRequests' }] }], true],
    [[], false],
  ])('with root causes %j is retryable: %s', (details, retryable) => {
    expect(new ArmDeploymentFailedError('d', { code: 'DeploymentFailed', details }).retryable).toBe(retryable);
  });

  it('bounds the details it keeps and the messages', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ code: `C${i}`, message: 'm'.repeat(5000) }));
    const error = new ArmDeploymentFailedError('d', { code: 'DeploymentFailed', message: 'x', details: many });
    expect(error.details).toHaveLength(20);
    expect(error.details[1].message.length).toBeLessThanOrEqual(1001);
  });
});

describe('withArmErrors', () => {
  it('maps what the call throws', async () => {
    await expect(
      withArmErrors(
        () => Promise.reject(armError(404, 'NotFound')),
        (e) => mapArmError(e, 'x'),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundError);
  });

  it("rejects with the signal's reason when cancelled, before or during the call", async () => {
    const reason = new Error('shutting down');
    const before = AbortSignal.abort(reason);
    const call = jest.fn(() => Promise.resolve(1));
    await expect(withArmErrors(call, (e) => e, before)).rejects.toBe(reason);
    expect(call).not.toHaveBeenCalled();
    const during = new AbortController();
    const pending = withArmErrors(
      () => new Promise((_, reject) => during.signal.addEventListener('abort', () => reject(new Error('AbortError')))),
      (e) => e,
      during.signal,
    );
    during.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
