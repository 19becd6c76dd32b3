import { dropNullProperties, toPlainJson } from './json';

describe('dropNullProperties', () => {
  it('drops null properties at every depth and keeps array items', () => {
    expect(dropNullProperties({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }], g: 'x' })).toEqual({
      b: { d: 1 },
      e: [null, {}],
      g: 'x',
    });
  });

  it.each([null, 1, 'x', true, undefined])('returns %j as it is', (value) => {
    expect(dropNullProperties(value)).toBe(value);
  });
});

describe('toPlainJson', () => {
  it('drops undefined properties and copies deeply', () => {
    const source = { a: undefined, b: { c: [1, { d: undefined }] } };
    const copy = toPlainJson(source);
    expect(copy).toStrictEqual({ b: { c: [1, {}] } });
    expect(copy.b).not.toBe(source.b);
  });
});
