import {
  ConcurrencyConflictError,
  ConflictError,
  DomainError,
  ErrorCode,
  isDomainError,
  OperationNotFoundError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '.';

describe('DomainError family', () => {
  it.each<[DomainError, string, boolean]>([
    [new ValidationError('bad'), ErrorCode.InvalidRequestContent, false],
    [new ValidationError('bad name', { code: ErrorCode.InvalidResourceName }), ErrorCode.InvalidResourceName, false],
    [new ResourceNotFoundError('gone'), ErrorCode.ResourceNotFound, false],
    [new ConflictError('busy'), ErrorCode.Conflict, false],
    [new ConcurrencyConflictError('raced'), ErrorCode.PreconditionFailed, true],
    [new OperationNotFoundError('no handler'), ErrorCode.OperationNotFound, false],
    [new ThrottledError('slow down', 1000), ErrorCode.TooManyRequests, true],
    [new TransientError('later'), ErrorCode.ServiceUnavailable, true],
  ])('%p has code %s and retryable=%s', (error, code, retryable) => {
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(isDomainError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
  });

  it('serialises to the ARM error body shape, omitting empty parts', () => {
    expect(new ResourceNotFoundError('not there').toJSON()).toEqual({
      code: 'ResourceNotFound',
      message: 'not there',
    });
    const detailed = new ValidationError('two problems', {
      target: 'properties',
      details: [{ code: 'InvalidParameter', message: 'x is missing', target: 'properties.x' }],
    });
    expect(JSON.parse(JSON.stringify(detailed))).toEqual({
      code: 'InvalidRequestContent',
      message: 'two problems',
      target: 'properties',
      details: [{ code: 'InvalidParameter', message: 'x is missing', target: 'properties.x' }],
    });
  });

  it('keeps the cause and names the concrete class', () => {
    const cause = new Error('socket hang up');
    const error = new TransientError('cosmos unavailable', { cause });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('TransientError');
  });

  it('does not take plain errors for domain errors', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'Conflict' })).toBe(false);
  });
});
