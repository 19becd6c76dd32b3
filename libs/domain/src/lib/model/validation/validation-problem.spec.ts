import { ErrorCode, ValidationError } from '../../errors';
import { formatPath, prefixPath, throwIfProblems, toValidationError } from './validation-problem';

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['eventHub', 'throughputUnits'], 'eventHub.throughputUnits'],
    [['eventHub', 'deviceWritePolicyNames', 0], 'eventHub.deviceWritePolicyNames[0]'],
    [[2, 'name'], '[2].name'],
    [['tags', 'cost center'], 'tags["cost center"]'],
    [['StreamingUnits'], 'StreamingUnits'],
    [['_etag'], '_etag'],
  ])('%j → %s', (path, formatted) => {
    expect(formatPath(path)).toBe(formatted);
  });
});

describe('prefixPath', () => {
  it.each([
    ['properties', 'serviceConfiguration', 'properties.serviceConfiguration'],
    ['properties', '[0]', 'properties[0]'],
    ['properties', '', 'properties'],
    ['', 'name', 'name'],
  ])('%s + %s → %s', (prefix, path, joined) => {
    expect(prefixPath(prefix, path)).toBe(joined);
  });
});

describe('toValidationError', () => {
  const problems = [
    { path: 'eventHub.throughputUnits', message: 'must be at most 20' },
    { path: '', message: 'must be an object' },
  ];

  it('lists every problem as an ARM detail with its path as target', () => {
    const error = toValidationError('The IoMT connector', problems);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe(ErrorCode.InvalidRequestContent);
    expect(error.message).toBe(
      'The IoMT connector is invalid (2 problems): eventHub.throughputUnits: must be at most 20; must be an object',
    );
    expect(error.details).toEqual([
      { code: 'InvalidParameter', message: 'eventHub.throughputUnits: must be at most 20', target: 'eventHub.throughputUnits' },
      { code: 'InvalidParameter', message: 'must be an object' },
    ]);
  });

  it('prefixes targets and takes the top-level code and target', () => {
    const error = toValidationError('The request body', problems.slice(0, 1), {
      pathPrefix: 'properties',
      code: ErrorCode.InvalidParameter,
      target: 'properties',
    });
    expect(error.message).toBe('The request body is invalid (1 problem): properties.eventHub.throughputUnits: must be at most 20');
    expect(error.toJSON()).toEqual({
      code: 'InvalidParameter',
      message: error.message,
      target: 'properties',
      details: [
        {
          code: 'InvalidParameter',
          message: 'properties.eventHub.throughputUnits: must be at most 20',
          target: 'properties.eventHub.throughputUnits',
        },
      ],
    });
  });

  it('throwIfProblems throws only when there is a problem', () => {
    expect(() => throwIfProblems('x', [])).not.toThrow();
    expect(() => throwIfProblems('The thing', problems)).toThrow(ValidationError);
  });
});
