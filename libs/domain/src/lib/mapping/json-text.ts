import { createScanner, Node, ParseError, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';

/** A 1-based line and position (column) in a text. */
export interface TextPosition {
  readonly line: number;
  readonly position: number;
}

/** The outcome of a strict parse: the node tree, or the first syntax error with its offset. */
export type StrictJsonParse =
  | { readonly ok: true; readonly root: Node }
  | { readonly ok: false; readonly message: string; readonly offset: number };

/** Why each jsonc-parser error code fails strict JSON, worded for the person who wrote the mapping. */
const PARSE_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected symbol',
  InvalidNumberFormat: 'invalid number format',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "':' was expected",
  CommaExpected: "',' was expected",
  CloseBraceExpected: "'}' was expected",
  CloseBracketExpected: "']' was expected",
  EndOfFileExpected: 'the end of the input was expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'the string is not terminated',
  UnexpectedEndOfNumber: 'the number is not complete',
  InvalidUnicode: 'invalid unicode escape sequence',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'control characters must be escaped in a string',
};

/**
 * Parses `text` as strict JSON (RFC 8259: no comments, no trailing commas, no single quotes), as
 * Json.NET does for the connector. Only the first error is reported: the ones after it are usually
 * consequences of the parser's recovery.
 */
export function parseStrictJson(text: string): StrictJsonParse {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    return { ok: false, message: `The reader's MaxDepth of ${MAX_DEPTH} has been exceeded.`, offset: tooDeep };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first === undefined && root !== undefined) {
    return { ok: true, root };
  }
  if (first === undefined || text.trim() === '') {
    return { ok: false, message: 'Invalid JSON: the content is empty.', offset: first?.offset ?? 0 };
  }
  const trailingComma = findTrailingComma(text, first);
  if (trailingComma !== undefined) {
    return { ok: false, message: 'Invalid JSON: trailing commas are not allowed in JSON.', offset: trailingComma };
  }
  return { ok: false, message: `Invalid JSON: ${describeParseError(text, first)}.`, offset: first.offset };
}

/** jsonc-parser reports a trailing comma as a missing name or value after it; point at the comma. */
function findTrailingComma(text: string, error: ParseError): number | undefined {
  const code = printParseErrorCode(error.error);
  const before = text.slice(0, error.offset).trimEnd();
  const closes = text[error.offset] === '}' || text[error.offset] === ']';
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && closes && before.endsWith(',')) {
    return before.length - 1;
  }
  return undefined;
}

function describeParseError(text: string, error: ParseError): string {
  const code = printParseErrorCode(error.error);
  const reason = PARSE_ERROR_TEXT[code] ?? code;
  if (code === 'InvalidSymbol') {
    return `${reason} "${text.slice(error.offset, error.offset + Math.min(error.length, 20))}"`;
  }
  return reason;
}

/** Json.NET 13's default reader MaxDepth, which the connector runs with. */
export const MAX_DEPTH = 64;

/**
 * The offset of the first `{` or `[` nested deeper than {@link MAX_DEPTH}. Checked with the
 * (iterative) scanner before building the tree, whose recursion would overflow the stack on
 * pathological input.
 */
function findExcessiveNesting(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > MAX_DEPTH) {
        return scanner.getTokenOffset();
      }
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Turns offsets of a text into 1-based line and position; `\n`, `\r\n` and `\r` end a line. */
export class TextLocator {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char === '\r' && text[i + 1] === '\n') {
        i++;
      }
      if (char === '\n' || char === '\r') {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The line and position of the character at `offset`. */
  locate(offset: number): TextPosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, position: offset - this.lineStarts[low] + 1 };
  }
}
