import { JSONPath } from 'jsonpath-plus';

/**
 * Evaluates a template's JSONPath expression with jsonpath-plus so that it selects what Json.NET's
 * `SelectTokens` selects, for the constructs iomt-fhir templates use. The rewrites:
 *
 * - Json.NET's filter shorthand `@name` means `@.name`;
 * - a bare path in a filter (`?(@heartRate)`) tests existence, not JavaScript truthiness, so
 *   `heartRate: 0` still matches: it becomes `@.heartRate !== undefined`;
 * - member names with hyphens in a filter (`@.iothub-creation-time-utc`) are quoted;
 * - `$..[?(...)]` also tests the start token itself (Json.NET's QueryScanFilter), so the data is
 *   wrapped in an array for jsonpath-plus;
 * - a filter that fails on one token (a missing intermediate member) just does not match it.
 *
 * Known gaps: the regex operator `=~` and filters referring to `$` are not translated.
 */
export function selectJsonPath(expression: string, data: unknown): unknown[] {
  const path = toJsonPathPlus(expression.trim());
  const json = /^\$\.\.\[\?\(/.test(path) ? [data] : data;
  return JSONPath({ path, json: json as object, wrap: true, ignoreEvalErrors: true, eval: 'safe' }) as unknown[];
}

/** Rewrites the filter bodies of a Json.NET path for jsonpath-plus (see {@link selectJsonPath}). */
export function toJsonPathPlus(expression: string): string {
  let rewritten = '';
  let from = 0;
  for (let start = expression.indexOf('?(', from); start >= 0; start = expression.indexOf('?(', from)) {
    const end = closingParenthesis(expression, start + 1);
    if (end < 0) {
      break;
    }
    rewritten += `${expression.slice(from, start + 2)}${rewriteFilter(expression.slice(start + 2, end))})`;
    from = end + 1;
  }
  return rewritten + expression.slice(from);
}

/** Json.NET's shorthand and hyphenated member names, rewritten outside quoted strings. */
export function rewriteFilterMembers(code: string): string {
  return outsideQuotes(code, (part) =>
    part.replace(/@(?=[A-Za-z_$])/g, '@.').replace(/\.([A-Za-z_$][\w$]*(?:-[\w$]+)+)/g, "['$1']"),
  );
}

function rewriteFilter(body: string): string {
  return splitOutsideQuotes(body, /&&|\|\|/g)
    .map((part, index) => (index % 2 === 1 ? ` ${part} ` : existenceTest(rewriteFilterMembers(part.trim()))))
    .join('');
}

/** A term without a comparison is Json.NET's Exists operator. */
function existenceTest(term: string): string {
  const compares = splitOutsideQuotes(term, /==|!=|<|>|=~/g).length > 1;
  return compares || !term.startsWith('@') ? term : `(${term} !== undefined)`;
}

/** Splits `text` around `separator` matches outside quotes, keeping the separators at odd indexes. */
function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const marked = outsideQuotes(text, (part) => part.replace(separator, (match) => `\u0000${match}\u0000`));
  return marked.split('\u0000');
}

/** Applies `rewrite` to the parts of `code` outside '...' and "..." strings. */
function outsideQuotes(code: string, rewrite: (part: string) => string): string {
  return code
    .split(/('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")/)
    .map((part, index) => (index % 2 === 1 ? part : rewrite(part)))
    .join('');
}

/** The index of the `)` closing the `(` at `open`, skipping quoted strings; -1 when unbalanced. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote !== undefined) {
      i += char === '\\' ? 1 : 0;
      quote = char === quote ? undefined : quote;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(' || char === ')') {
      depth += char === '(' ? 1 : -1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
