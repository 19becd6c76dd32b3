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

  it('returns the same object when nothing holds a null property', () => {
    const document = { a: 1, b: { c: 'x', d: [null, { e: [2] }] } };
    expect(dropNullProperties(document)).toBe(document);
  });

  it('copies only the objects on the way to a null, keeps order and leaves the input alone', () => {
    const untouched = { h: 1 };
    const document = { a: 1, b: { c: null, d: [{ e: null, f: 2 }, untouched], g: untouched }, z: 9 };
    const before = JSON.stringify(document);
    const cleaned = dropNullProperties(document) as typeof document;
    expect(JSON.stringify(cleaned)).toBe('{"a":1,"b":{"d":[{"f":2},{"h":1}],"g":{"h":1}},"z":9}');
    expect(cleaned.b.g).toBe(untouched);
    expect(cleaned.b.d[1]).toBe(untouched);
    expect(JSON.stringify(document)).toBe(before);
  });

  it('keeps a "__proto__" key as a property, not as the prototype', () => {
    const cleaned = dropNullProperties(JSON.parse('{"a":null,"__proto__":{"x":null}}')) as object;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(JSON.stringify(cleaned)).toBe('{"__proto__":{}}');
  });
});

describe('toPlainJson', () => {
  it('drops undefined properties and copies deeply', () => {
    const source = { a: undefined, b: { c: [1, { d: undefined }] } };
    const copy = toPlainJson(source);
    expect(copy).toStrictEqual({ b: { c: [1, {}] } });
    expect(copy.b).not.toBe(source.b);
  });

  class Instance {
    readonly a = 1;
    readonly b = undefined;
  }

  it.each<[string, unknown]>([
    ['undefined, functions and symbols in objects and arrays', { a: undefined, f: () => 1, s: Symbol('s'), l: [undefined, () => 1] }],
    ['non-finite numbers and negative zero', { n: NaN, i: [Infinity, -Infinity], z: -0 }],
    ['dates, at the top and nested', { d: new Date(5), l: [new Date(0)] }],
    ['toJSON results, including undefined', { t: { toJSON: () => ({ x: undefined, y: 2 }) }, u: { toJSON: () => undefined } }],
    ['class instances and maps', { c: new Instance(), m: new Map([[1, 2]]) }],
    ['a "__proto__" key', JSON.parse('{"__proto__":{"x":1},"a":[null,{"b":null}]}')],
    ['an array at the top', [1, undefined, 'x', null]],
    ['a date at the top', new Date(1)],
    ['a string at the top', 'é'],
    ['null at the top', null],
  ])('matches JSON.parse(JSON.stringify()) for %s', (_name, value) => {
    const copy = toPlainJson(value);
    expect(copy).toStrictEqual(JSON.parse(JSON.stringify(value)));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
  });

  it('throws like JSON for a bigint', () => {
    expect(() => toPlainJson({ big: 1n })).toThrow(TypeError);
  });
});
