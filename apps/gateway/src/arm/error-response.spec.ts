import { BadRequestException, NotFoundException } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  ConflictError,
  OperationNotFoundError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '@iomt/domain';
import { ArmRequestError } from './arm-request-error';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it.each<[string, unknown, number, string]>([
    ['a validation error', new ValidationError('bad', { code: 'InvalidResourceName', target: 'name' }), 400, 'InvalidResourceName'],
    ['a missing resource', new ResourceNotFoundError('gone'), 404, 'ResourceNotFound'],
    ['a conflict', new ConflictError('busy'), 409, 'Conflict'],
    ['a failed precondition', new ConcurrencyConflictError('etag'), 412, 'PreconditionFailed'],
    ['throttling', new ThrottledError('slow', 2500), 429, 'TooManyRequests'],
    ['a passing outage', new TransientError('cosmos down'), 503, 'ServiceUnavailable'],
    ['an internal domain error', new OperationNotFoundError('no handler'), 500, 'OperationNotFound'],
    ['a request error', new ArmRequestError(415, 'UnsupportedMediaType', 'json only'), 415, 'UnsupportedMediaType'],
    ["Nest's 404", new NotFoundException('Cannot GET /x'), 404, 'NotFound'],
    ["Nest's 400", new BadRequestException('bad'), 400, 'InvalidRequestContent'],
    ['anything else', new TypeError('x is undefined'), 500, 'InternalServerError'],
  ])('answers %s with %s %s', (_case, error, status, code) => {
    const answer = toErrorResponse(error);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('keeps target and details of a validation error', () => {
    const error = new ValidationError('two problems', { target: 'properties', details: [{ code: 'InvalidParameter', message: 'm', target: 'properties.x' }] });
    expect(toErrorResponse(error).body).toEqual({
      error: { code: 'InvalidRequestContent', message: 'two problems', target: 'properties', details: [{ code: 'InvalidParameter', message: 'm', target: 'properties.x' }] },
    });
  });

  it('sends Retry-After in whole seconds for throttling and outages', () => {
    expect(toErrorResponse(new ThrottledError('slow', 2500)).headers).toEqual({ 'retry-after': '3' });
    expect(toErrorResponse(new TransientError('down')).headers).toEqual({ 'retry-after': '10' });
  });

  it('never echoes the message of an unexpected error', () => {
    const answer = toErrorResponse(new Error('password=hunter2 at db.internal:5432'));
    expect(JSON.stringify(answer.body)).not.toMatch(/hunter2|db\.internal/);
    expect(answer.body.error.message).toBe('Internal server error.');
  });
});
