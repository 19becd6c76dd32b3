import { parseStrictJson, TextLocator } from './json-text';

describe('TextLocator', () => {
  it.each([
    ['LF', 'ab\ncd\nef', 4, { line: 2, position: 2 }],
    ['CRLF', 'ab\r\ncd\r\nef', 8, { line: 3, position: 1 }],
    ['CR', 'ab\rcd', 3, { line: 2, position: 1 }],
    ['the first character', '{}', 0, { line: 1, position: 1 }],
    ['a tab counting one', '\t"x"', 1, { line: 1, position: 2 }],
    ['the end of a line', 'ab\ncd', 2, { line: 1, position: 3 }],
  ])('places an offset of %s text', (_case, text, offset, expected) => {
    expect(new TextLocator(text).locate(offset)).toEqual(expected);
  });
});

describe('parseStrictJson', () => {
  it.each([
    ['{"a": 1,}', 'Invalid JSON: trailing commas are not allowed in JSON.', 7],
    ['[1, 2, ]', 'Invalid JSON: trailing commas are not allowed in JSON.', 5],
    ['{"a": 1} // note', 'Invalid JSON: comments are not allowed in JSON.', 9],
    ['{"a": NaN}', 'Invalid JSON: unexpected symbol "NaN".', 6],
    ['{"a": "x\\q"}', 'Invalid JSON: invalid escape character in a string.', 6],
    ['{"a": "tab\there"}', 'Invalid JSON: control characters must be escaped in a string.', 6],
    ['{"a": 1 "b": 2}', "Invalid JSON: ',' was expected.", 8],
    ['{"a": [1, 2}', "Invalid JSON: ',' was expected.", 11],
    ['{"a": 1} {}', 'Invalid JSON: the end of the input was expected.', 9],
    ['   ', 'Invalid JSON: the content is empty.', 3],
  ])('rejects %p', (text, message, offset) => {
    expect(parseStrictJson(text)).toEqual({ ok: false, message, offset });
  });

  it('refuses nesting deeper than Json.NET reads (MaxDepth 64) without overflowing the stack', () => {
    expect(parseStrictJson('['.repeat(64) + ']'.repeat(64)).ok).toBe(true);
    const message = "The reader's MaxDepth of 64 has been exceeded.";
    expect(parseStrictJson('['.repeat(65) + ']'.repeat(65))).toEqual({ ok: false, message, offset: 64 });
    expect(parseStrictJson('{"a":'.repeat(200_000))).toEqual({ ok: false, message, offset: 64 * 5 });
    expect(parseStrictJson(`{"a": "${'['.repeat(100)}"}`).ok).toBe(true);
  });

  it('returns the node tree of valid JSON', () => {
    const parsed = parseStrictJson('{"a": [1, "x"]}');
    expect(parsed.ok && parsed.root.type).toBe('object');
  });
});
