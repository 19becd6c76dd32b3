import { ErrorResponse } from '@azure/cosmos';
import {
  ConcurrencyConflictError,
  ConflictError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '@iomt/domain';
import { mapCosmosError, retryAfterMsOf } from './cosmos-error.mapper';

function cosmosError(code: number | string, extra: Partial<ErrorResponse> = {}): ErrorResponse {
  return Object.assign(new ErrorResponse(`status ${code}`), { code, ...extra });
}

describe('mapCosmosError', () => {
  it.each<[number | string, new (...args: never[]) => Error]>([
    [400, ValidationError],
    [404, ResourceNotFoundError],
    [409, ConflictError],
    [412, ConcurrencyConflictError],
    [413, ValidationError],
    [429, ThrottledError],
    [408, TransientError],
    [410, TransientError],
    [449, TransientError],
    [500, TransientError],
    [503, TransientError],
    ['ECONNRESET', TransientError],
    ['ECONNREFUSED', TransientError],
    ['TimeoutError', TransientError],
  ])('maps %p to %p, naming the action and keeping the cause', (code, type) => {
    const error = cosmosError(code);
    const mapped = mapCosmosError(error, 'read IoMT connector c1');
    expect(mapped).toBeInstanceOf(type);
    expect((mapped as Error).message).toMatch(/^Could not read IoMT connector c1: /);
    expect((mapped as Error).cause).toBe(error);
  });

  it.each([401, 403, 'EWEIRD'])('passes %p through unchanged (not a state the caller can act on)', (code) => {
    const error = cosmosError(code);
    expect(mapCosmosError(error, 'x')).toBe(error);
  });

  it('passes domain errors and non-objects through', () => {
    const domain = new ConflictError('already');
    expect(mapCosmosError(domain, 'x')).toBe(domain);
    expect(mapCosmosError('boom', 'x')).toBe('boom');
  });

  it.each<[Partial<ErrorResponse>, number | undefined]>([
    [{ retryAfterInMs: 250 }, 250],
    [{ retryAfterInMilliseconds: 120 }, 120],
    [{ headers: { 'x-ms-retry-after-ms': '75' } }, 75],
    [{ headers: { 'x-ms-retry-after-ms': 'soon' } }, undefined],
    [{}, undefined],
  ])('carries the retry-after hint %p of a 429 as %p ms', (extra, expected) => {
    const error = cosmosError(429, extra);
    expect(retryAfterMsOf(error)).toBe(expected);
    expect((mapCosmosError(error, 'x') as ThrottledError).retryAfterMs).toBe(expected);
  });
});
