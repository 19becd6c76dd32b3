/** A parsed ARM template language expression (the text between `[` and `]`). */
export type ExpressionNode =
  | { readonly kind: 'literal'; readonly value: string | number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly ExpressionNode[] }
  | { readonly kind: 'property'; readonly target: ExpressionNode; readonly name: string }
  | { readonly kind: 'index'; readonly target: ExpressionNode; readonly index: ExpressionNode };

/** A template the fake cannot accept; deployments answer it as `InvalidTemplate`, as ARM does. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

type Token = { readonly type: 'string' | 'number' | 'ident' | 'punct'; readonly text: string; readonly at: number };

const TOKEN = /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([(),.[\]]))/y;

/** `"[concat('a', 'b')]"` is an expression; `"[[literal]"` is an escaped literal. */
export function isExpression(value: string): boolean {
  return value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[');
}

/** Parses the expression inside `[...]`; throws TemplateError naming the position on bad syntax. */
export function parseExpression(text: string): ExpressionNode {
  const parser = new Parser(text, tokenize(text));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    if (/^\s*$/.test(text.slice(at))) break;
    const match = TOKEN.exec(text);
    if (!match) throw syntaxError(text, at, 'an unexpected character');
    const [, str, num, ident, punct] = match;
    if (str !== undefined) tokens.push({ type: 'string', text: str.slice(1, -1).replace(/''/g, "'"), at });
    else if (num !== undefined) tokens.push({ type: 'number', text: num, at });
    else if (ident !== undefined) tokens.push({ type: 'ident', text: ident, at });
    else tokens.push({ type: 'punct', text: punct, at });
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  expression(): ExpressionNode {
    let node = this.primary();
    for (;;) {
      if (this.accept('.')) node = { kind: 'property', target: node, name: this.take('ident').text };
      else if (this.accept('[')) {
        node = { kind: 'index', target: node, index: this.expression() };
        this.take('punct', ']');
      } else return node;
    }
  }

  expectEnd(): void {
    const extra = this.tokens[this.position];
    if (extra) throw syntaxError(this.text, extra.at, `'${extra.text}' after the end of the expression`);
  }

  private primary(): ExpressionNode {
    const token = this.take();
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type !== 'ident') throw syntaxError(this.text, token.at, `'${token.text}' where a value was expected`);
    this.take('punct', '(');
    const args: ExpressionNode[] = [];
    if (!this.accept(')')) {
      do args.push(this.expression());
      while (this.accept(','));
      this.take('punct', ')');
    }
    return { kind: 'call', name: token.text, args };
  }

  private accept(punct: string): boolean {
    const token = this.tokens[this.position];
    if (token?.type !== 'punct' || token.text !== punct) return false;
    this.position += 1;
    return true;
  }

  private take(type?: Token['type'], text?: string): Token {
    const token = this.tokens[this.position];
    if (!token)
      throw syntaxError(
        this.text,
        this.text.length,
        `the end of the expression where ${text ? `'${text}'` : (type ?? 'a value')} was expected`,
      );
    if ((type && token.type !== type) || (text && token.text !== text)) {
      throw syntaxError(this.text, token.at, `'${token.text}' where ${text ? `'${text}'` : type} was expected`);
    }
    this.position += 1;
    return token;
  }
}

function syntaxError(text: string, at: number, found: string): TemplateError {
  return new TemplateError(`Unable to parse language expression '${text}': found ${found} at position ${at}.`);
}
