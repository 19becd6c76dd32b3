import { bodyOf, isSoftDeleted, withoutSystemProperties, writeOptions } from './stored-documents';

describe('withoutSystemProperties', () => {
  const stored = () => ({ id: 'a', _rid: 'r', partitionKey: 'p', _self: 's', _etag: '"1"', _ts: 5, _attachments: 'att/', x: { y: 1 } });

  it('drops _rid, _self, _ts and _attachments, keeps _etag and the rest in order', () => {
    const document = withoutSystemProperties(stored());
    expect(Object.keys(document)).toEqual(['id', 'partitionKey', '_etag', 'x']);
    expect(document).toStrictEqual({ id: 'a', partitionKey: 'p', _etag: '"1"', x: { y: 1 } });
  });

  it('leaves the document it reads unchanged', () => {
    const document = stored();
    withoutSystemProperties(document);
    expect(document).toStrictEqual(stored());
  });

  it('keeps a "__proto__" key as a property, not as the prototype', () => {
    const document = withoutSystemProperties(JSON.parse('{"id":"a","__proto__":{"polluted":true},"_ts":1}'));
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(JSON.stringify(document)).toBe('{"id":"a","__proto__":{"polluted":true}}');
  });
});

describe('bodyOf', () => {
  it('leaves out _etag, which goes in the If-Match condition', () => {
    expect(bodyOf({ id: 'a', _etag: '"1"', n: 1 })).toStrictEqual({ id: 'a', n: 1 });
  });
});

describe('isSoftDeleted', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    [undefined, false],
    ['true', false],
  ])('deleted: %j -> %j', (deleted, expected) => {
    expect(isSoftDeleted({ deleted })).toBe(expected);
  });
});

describe('writeOptions', () => {
  it('makes an If-Match condition of an ETag and passes the signal', () => {
    const signal = new AbortController().signal;
    expect(writeOptions('"1"', signal)).toEqual({ accessCondition: { type: 'IfMatch', condition: '"1"' }, abortSignal: signal });
  });

  it('is unconditional without an ETag', () => {
    expect(writeOptions(undefined)).toEqual({});
  });
});
