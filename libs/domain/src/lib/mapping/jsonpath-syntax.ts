import { JSONPath } from 'jsonpath-plus';
import { rewriteFilterMembers } from './jsonpath-dialect';

/**
 * JSONPath syntax check for template expressions.
 *
 * The connector evaluates JSONPath with Json.NET (`JToken.SelectTokens`), and jsonpath-plus is no
 * judge of that dialect on its own: its tokenizer (`toPathArray`) accepts almost any string (`$[`,
 * `$.a]]`, `$$$` all "parse"), it rejects Json.NET's filter shorthand `?(@heartRate)` that the
 * official samples use, and it compiles filters only when data reaches them. So the check has two parts:
 *
 * 1. The path outside filters is scanned against Json.NET's grammar: optional leading `$`, `.` and
 *    `..` steps, indexers `['name']`, `*`, integer indexes, slices and index lists, `?(filter)`;
 *    brackets and quotes must balance; script indexers `[(expr)]` (a jsonpath-plus extension Json.NET
 *    rejects) and unquoted names in brackets are errors. Json.NET's own messages are used.
 * 2. Each filter body is compiled, never evaluated, with jsonpath-plus's safe-eval compiler
 *    (`JSONPath.prototype.safeVm.Script`, a jsep parser), after rewriting Json.NET's `@name` to
 *    `@.name` (see jsonpath-dialect.ts) and `@` to the variable jsonpath-plus binds. A filter must
 *    be one expression. Filters holding nested filters are not compiled (jsep cannot read them),
 *    so they pass.
 *
 * What passes may still select nothing at run time; that is not a syntax problem.
 */
export function findJsonPathSyntaxError(expression: string): string | undefined {
  const scan = scanIndexers(expression.trim());
  if (typeof scan === 'string') {
    return scan;
  }
  for (const indexer of scan) {
    const problem = checkIndexer(indexer.trim());
    if (problem !== undefined) {
      return problem;
    }
  }
  return undefined;
}

const CLOSER: Record<string, string> = { '[': ']', '(': ')' };

/** Splits out the contents of top-level `[...]`, or returns why the path is malformed. */
function scanIndexers(path: string): string[] | string {
  if (path.startsWith('$') && path.length > 1 && path[1] !== '.' && path[1] !== '[') {
    return `Unexpected character while parsing path: ${path[1]}`;
  }
  const indexers: string[] = [];
  const open: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (quote !== undefined) {
      i += char === '\\' ? 1 : 0;
      quote = char === quote ? undefined : quote;
    } else if (open.length > 0 && (char === "'" || char === '"')) {
      quote = char;
    } else if (char === '[' || (char === '(' && open.length > 0)) {
      start = open.length === 0 ? i + 1 : start;
      open.push(char);
    } else if (char === ']' || char === ')' || char === '(') {
      if (open.length === 0) return `Unexpected character while parsing path: ${char}`;
      if (CLOSER[open.pop() ?? ''] !== char) return `Unexpected character while parsing path indexer: ${char}`;
      if (open.length > 0) continue;
      indexers.push(path.slice(start, i));
      const next = path[i + 1];
      if (next !== undefined && next !== '.' && next !== '[') return `Unexpected character following indexer: ${next}`;
    } else if (open.length === 0 && /\s/.test(char)) {
      return "Unexpected whitespace in the path; quote names that contain spaces, e.g. ['a b']";
    }
  }
  return open.length > 0 || quote !== undefined ? 'Path ended with open indexer.' : indexers;
}

const INDEXES_OR_SLICE = /^-?\d*(\s*[:,]\s*-?\d*)*$/;

function checkIndexer(indexer: string): string | undefined {
  if (indexer === '') {
    return 'Array index expected.';
  }
  if (indexer.startsWith('?')) {
    return indexer.startsWith('?(') && indexer.endsWith(')')
      ? compileFilter(indexer.slice(2, -1))
      : `Unexpected character while parsing path indexer: ${indexer.charAt(1) || '?'}`;
  }
  if (indexer.startsWith('(')) {
    return `Script expressions like [${indexer}] are not supported; use an index or a filter ?(...)`;
  }
  if (indexer === '*' || indexer.startsWith("'") || indexer.startsWith('"') || INDEXES_OR_SLICE.test(indexer)) {
    return undefined;
  }
  const bad = [...indexer].find((char) => !/[\d\s:,-]/.test(char)) ?? indexer.charAt(0);
  return `Unexpected character while parsing path indexer: ${bad}`;
}

/** jsonpath-plus's compiler for filter scripts; it parses (jsep) in its constructor. */
type ScriptCompiler = new (code: string) => { readonly ast?: { readonly type?: string } };

const safeScript = (JSONPath as unknown as { prototype: { safeVm: { Script: ScriptCompiler } } }).prototype.safeVm
  .Script;

function compileFilter(body: string): string | undefined {
  if (body.trim() === '') {
    return 'Empty filter ?()';
  }
  if (body.includes('?(')) {
    return undefined;
  }
  const code = rewriteFilterMembers(body)
    .replace(/@([.\s)[])/g, '_$$_v$1')
    .replace(/@$/, '_$$_v');
  try {
    // jsep reads `a b` as a compound of two expressions; a Json.NET filter is one expression.
    const compiled = new safeScript(code);
    return compiled.ast?.type === 'Compound' ? `Invalid filter ?(${body}): expected a single expression` : undefined;
  } catch (error) {
    const reason = (error as { description?: string }).description ?? (error as Error).message;
    return `Invalid filter ?(${body}): ${reason.trim() === 'Unexpected' ? 'Unexpected end of the filter' : reason}`;
  }
}
