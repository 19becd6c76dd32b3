import { z } from 'zod';
import { ValidationError } from '../../errors';
import { caseInsensitiveEnum, matchIgnoringCase, numericEnum } from './enum-schemas';
import { parseOrThrow, problemsOf } from './zod-validation';

enum Colour {
  Red = 0,
  Green = 1,
}

const schema = z.object({
  name: z.string().min(1).max(5),
  count: z.int().min(1).max(20),
  ratio: z.number().gt(0).lt(1).optional(),
  items: z.array(z.string()).min(1).max(2).optional(),
  unit: z.enum(['SECOND', 'MINUTE']).optional(),
  constant: z.literal('iomtConnector').optional(),
  when: z.iso.datetime({ offset: true }).optional(),
  url: z.url().optional(),
  even: z.int().multipleOf(2).optional(),
  colour: numericEnum(Colour).optional(),
});

describe('problemsOf: one plain message per broken rule, with its path', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['missing', { count: 1 }, 'name', 'is required'],
    ['wrong type', { name: 5, count: 1 }, 'name', 'must be a string'],
    ['not an integer', { name: 'a', count: 1.5 }, 'count', 'must be an integer'],
    ['empty string', { name: '', count: 1 }, 'name', 'must not be empty'],
    ['long string', { name: 'abcdef', count: 1 }, 'name', 'must be at most 5 characters long'],
    ['small number', { name: 'a', count: 0 }, 'count', 'must be at least 1'],
    ['big number', { name: 'a', count: 21 }, 'count', 'must be at most 20'],
    ['exclusive minimum', { name: 'a', count: 1, ratio: 0 }, 'ratio', 'must be greater than 0'],
    ['exclusive maximum', { name: 'a', count: 1, ratio: 1 }, 'ratio', 'must be less than 1'],
    ['few items', { name: 'a', count: 1, items: [] }, 'items', 'must have at least 1 items'],
    ['many items', { name: 'a', count: 1, items: ['a', 'b', 'c'] }, 'items', 'must have at most 2 items'],
    ['item type', { name: 'a', count: 1, items: [3] }, 'items[0]', 'must be a string'],
    ['enum', { name: 'a', count: 1, unit: 'WEEK' }, 'unit', 'must be one of "SECOND", "MINUTE"'],
    ['literal', { name: 'a', count: 1, constant: 'account' }, 'constant', 'must be "iomtConnector"'],
    ['date-time', { name: 'a', count: 1, when: 'yesterday' }, 'when', 'must be an ISO 8601 date-time with a time zone'],
    ['url', { name: 'a', count: 1, url: 'not a url' }, 'url', 'must be an absolute URL'],
    ['multiple', { name: 'a', count: 1, even: 3 }, 'even', 'must be a multiple of 2'],
    ['numeric enum', { name: 'a', count: 1, colour: 7 }, 'colour', 'must be one of Red (0), Green (1)'],
  ])('%s', (_case, value, path, message) => {
    expect(problemsOf(schema, value)).toEqual([{ path, message }]);
  });

  it('reports every problem at once', () => {
    expect(problemsOf(schema, { name: '', count: 99, items: [1, 'b', 2] })).toEqual([
      { path: 'name', message: 'must not be empty' },
      { path: 'count', message: 'must be at most 20' },
      { path: 'items[0]', message: 'must be a string' },
      { path: 'items[2]', message: 'must be a string' },
      { path: 'items', message: 'must have at most 2 items' },
    ]);
  });

  it.each([null, 'text', 42, []])('rejects %j as a whole without throwing', (value) => {
    expect(problemsOf(schema, value)).toEqual([{ path: '', message: 'must be an object' }]);
  });

  it('is empty for a valid value', () => {
    expect(problemsOf(schema, { name: 'a', count: 3 })).toEqual([]);
  });
});

describe('parseOrThrow', () => {
  it('returns the normalised output', () => {
    expect(parseOrThrow(schema, { name: 'a', count: 3, colour: 'GREEN' }, 'The thing')).toEqual({
      name: 'a',
      count: 3,
      colour: Colour.Green,
    });
  });

  it('throws a ValidationError naming the subject and every problem', () => {
    expect(() => parseOrThrow(schema, { count: 0 }, 'The thing')).toThrow(
      new ValidationError('The thing is invalid (2 problems): name: is required; count: must be at least 1'),
    );
  });
});

describe('numericEnum', () => {
  const colour = numericEnum(Colour);

  it.each<[unknown, Colour]>([
    [0, Colour.Red],
    [1, Colour.Green],
    ['Red', Colour.Red],
    ['green', Colour.Green],
    ['GREEN', Colour.Green],
  ])('reads %j as %s', (input, expected) => {
    expect(colour.parse(input)).toBe(expected);
  });

  it.each([2, -1, 0.5, '0', 'Blue', '', true, null, {}])('rejects %j', (input) => {
    expect(problemsOf(colour, input)).toEqual([{ path: '', message: 'must be one of Red (0), Green (1)' }]);
  });

  it('says a missing value is required', () => {
    expect(problemsOf(colour, undefined)).toEqual([{ path: '', message: 'is required' }]);
  });
});

describe('caseInsensitiveEnum', () => {
  const type = caseInsensitiveEnum(['Lookup', 'Create', 'LookupWithEncounter']);

  it.each([
    ['Lookup', 'Lookup'],
    ['LookUp', 'Lookup'],
    ['lookup', 'Lookup'],
    ['CREATE', 'Create'],
    ['lookupwithencounter', 'LookupWithEncounter'],
  ])('reads %s as %s', (input, expected) => {
    expect(type.parse(input)).toBe(expected);
  });

  it.each(['Lookup ', 'Lookups', '', 'LookupWith', 1, null])('rejects %j', (input) => {
    expect(problemsOf(type, input)).toEqual([{ path: '', message: 'must be one of Lookup, Create, LookupWithEncounter' }]);
  });

  it('matchIgnoringCase finds the canonical spelling or nothing', () => {
    expect(matchIgnoringCase(['IoMTConnectors'], 'iomtconnectors')).toBe('IoMTConnectors');
    expect(matchIgnoringCase(['IoMTConnectors'], 'iomtconnector')).toBeUndefined();
  });
});
