import { readFile } from 'node:fs/promises';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import type { ConfigProblem } from './config-error';

/** What reading a JSON file gave: its value, or the problem that stopped it. */
export type JsonFileResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: ConfigProblem };

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Reads strict JSON (no comments, no trailing commas). A missing or unreadable file, or a syntax
 * error (with its line and column), is a problem of that file rather than an exception.
 * @param root the configuration directory; @param file the path inside it, used in messages.
 */
export async function readJsonFile(root: string, file: string): Promise<JsonFileResult> {
  let text: string;
  try {
    text = await readFile(`${root}/${file}`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, problem: { file, path: '$', message } };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const [first] = errors;
  if (first !== undefined) {
    const message = `invalid JSON at ${lineAndColumn(text, first.offset)}: ${printParseErrorCode(first.error)}`;
    return { ok: false, problem: { file, path: '$', message } };
  }
  return { ok: true, value };
}
