import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import {
  hasAuthorizationFailure,
  isAuthorizationFailed,
  isConflict,
  isDeploymentActive,
  isNotFound,
  isThrottled,
  isTransient,
  retryAfterMsOf,
} from './azure-errors';

/** A RestError as the HLC clients throw it for an ARM answer (or, without status, a network failure). */
function armError(
  statusCode: number | undefined,
  code: string | undefined,
  headers: Record<string, string> = {},
): RestError {
  const request = createPipelineRequest({ url: 'https://management.azure.com/x' });
  const response =
    statusCode === undefined ? undefined : { request, status: statusCode, headers: createHttpHeaders(headers) };
  return new RestError(`ARM said ${code}`, { statusCode, code, request, response });
}

type Predicate = (error: unknown) => boolean;
const predicates: Record<string, Predicate> = {
  isThrottled,
  isTransient,
  isDeploymentActive,
  isAuthorizationFailed,
  isNotFound,
  isConflict,
};

describe('azure-errors predicates', () => {
  it.each<[string, RestError | unknown, string[]]>([
    ['429 TooManyRequests', armError(429, 'TooManyRequests'), ['isThrottled']],
    ['500 InternalServerError', armError(500, 'InternalServerError'), ['isTransient']],
    ['503 ServiceUnavailable', armError(503, 'ServiceUnavailable'), ['isTransient']],
    ['408 RequestTimeout', armError(408, 'RequestTimeout'), ['isTransient']],
    ['connection refused', armError(undefined, 'ECONNREFUSED'), ['isTransient']],
    ['connection reset', armError(undefined, 'ECONNRESET'), ['isTransient']],
    ['request send error', armError(undefined, 'REQUEST_SEND_ERROR'), ['isTransient']],
    ['parse error (no status)', armError(undefined, 'PARSE_ERROR'), []],
    ['409 DeploymentActive', armError(409, 'DeploymentActive'), ['isDeploymentActive']],
    ['409 Conflict', armError(409, 'Conflict'), ['isConflict']],
    ['403 AuthorizationFailed', armError(403, 'AuthorizationFailed'), ['isAuthorizationFailed']],
    ['401 InvalidAuthenticationToken', armError(401, 'InvalidAuthenticationToken'), ['isAuthorizationFailed']],
    ['400 LinkedAuthorizationFailed', armError(400, 'LinkedAuthorizationFailed'), ['isAuthorizationFailed']],
    ['404 ResourceGroupNotFound', armError(404, 'ResourceGroupNotFound'), ['isNotFound']],
    ['400 InvalidTemplate', armError(400, 'InvalidTemplate'), []],
    ['a plain Error', new Error('boom'), []],
    ['a string', 'boom', []],
    ['undefined', undefined, []],
  ])('%s matches exactly %j', (_, error, expected) => {
    const matched = Object.entries(predicates)
      .filter(([, predicate]) => predicate(error))
      .map(([name]) => name);
    expect(matched).toEqual(expected);
  });
});

describe('retryAfterMsOf', () => {
  const now = () => Date.parse('2026-01-01T00:00:00Z');
  it.each<[Record<string, string>, number | undefined]>([
    [{ 'retry-after': '7' }, 7000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'x-ms-retry-after-ms': '1500', 'retry-after': '9' }, 1500],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '-3' }, undefined],
    [{}, undefined],
  ])('headers %j → %s ms', (headers, expected) => {
    expect(retryAfterMsOf(armError(429, 'TooManyRequests', headers), now)).toBe(expected);
  });

  it('is undefined for a network failure and for non-ARM errors', () => {
    expect(retryAfterMsOf(armError(undefined, 'ECONNRESET'))).toBeUndefined();
    expect(retryAfterMsOf(new Error('x'))).toBeUndefined();
  });
});

describe('hasAuthorizationFailure', () => {
  it.each([
    [{ code: 'AuthorizationFailed' }, true],
    [
      {
        code: 'DeploymentFailed',
        details: [{ code: 'ResourceDeploymentFailure', details: [{ code: 'LinkedAuthorizationFailed' }] }],
      },
      true,
    ],
    [{ code: 'DeploymentFailed', details: [{ code: 'InvalidTemplate' }] }, false],
    [undefined, false],
  ])('%j → %s', (error, expected) => {
    expect(hasAuthorizationFailure(error)).toBe(expected);
  });
});
