import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { ErrorCode, MAX_MAPPING_CONTENT_LENGTH, MappingProblem, ValidationError } from '@iomt/domain';

/** A mapping template as sent, and where its text starts in the request body. */
export interface MappingContent {
  /** The template's JSON text: exactly as written in the body when it was sent as an object. */
  readonly text: string;
  /** 1-based line and column of the text's first character in the body; absent when sent as a string. */
  readonly origin?: { readonly line: number; readonly column: number };
}

function originOf(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Reads the template at `path` of a request body (`['properties', 'content']`): an object is
 * taken as its own text in the body, so that problem positions point where the caller wrote it;
 * a string is the template text itself.
 * @throws ValidationError when it is missing, neither object nor string, or too long.
 */
export function mappingContentAt(body: unknown, rawBody: string | undefined, path: readonly string[]): MappingContent {
  const target = path.join('.');
  let value: unknown = body;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  let content: MappingContent;
  if (typeof value === 'string') content = { text: value };
  else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const node = rawBody === undefined ? undefined : findNodeAtLocation(parseTree(rawBody) ?? { type: 'null', offset: 0, length: 0 }, [...path]);
    content =
      node === undefined || rawBody === undefined
        ? { text: JSON.stringify(value) }
        : { text: rawBody.slice(node.offset, node.offset + node.length), origin: originOf(rawBody, node.offset) };
  } else {
    throw new ValidationError(`${target} is required: the mapping template, as a JSON object.`, { code: ErrorCode.InvalidRequestContent, target });
  }
  if (content.text.length > MAX_MAPPING_CONTENT_LENGTH) {
    throw new ValidationError(`${target} is longer than ${MAX_MAPPING_CONTENT_LENGTH} characters.`, { code: ErrorCode.InvalidRequestContent, target });
  }
  return content;
}

/** A problem's position moved from the template's own text to the request body it was sent in. */
export function inRequestBody(problem: MappingProblem, content: MappingContent): MappingProblem {
  if (content.origin === undefined) return problem;
  const line = problem.line + content.origin.line - 1;
  const position = problem.line === 1 ? problem.position + content.origin.column - 1 : problem.position;
  return { ...problem, line, position };
}
