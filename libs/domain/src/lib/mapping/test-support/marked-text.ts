import { MappingProblem, MappingProblemCategory, MappingProblemLevel } from '../mapping-problem';

/** Marks, inside a test fixture, the character a problem must point at. */
export const MARK = '¦';

/** A fixture's text without the mark, and the 1-based line and position where the mark was. */
export interface UnmarkedText {
  readonly text: string;
  readonly line: number;
  readonly position: number;
}

/** Removes the mark (exactly one) and says where it was, counting `\n`-separated lines. */
export function unmark(marked: string): UnmarkedText {
  const offset = marked.indexOf(MARK);
  if (offset < 0 || marked.indexOf(MARK, offset + 1) >= 0) {
    throw new Error(`a fixture needs exactly one ${MARK}: ${marked}`);
  }
  const before = marked.slice(0, offset).split('\n');
  return {
    text: marked.slice(0, offset) + marked.slice(offset + 1),
    line: before.length,
    position: (before.at(-1) ?? '').length + 1,
  };
}

/** What a table row expects of a problem; line and position come from the fixture's mark. */
export interface ExpectedProblem {
  readonly message: string;
  readonly level: MappingProblemLevel;
  readonly path: string;
}

/** The full problem a row expects, once the mark is found. */
export function located(
  expected: ExpectedProblem,
  at: UnmarkedText,
  category: MappingProblemCategory,
): MappingProblem {
  return {
    ...expected,
    category,
    mapping: category === 'NORMALIZATION' ? 'deviceMapping' : 'fhirMapping',
    line: at.line,
    position: at.position,
  };
}

/**
 * A device mapping with one element. `body` is the inner template's members (see {@link members}).
 * A mark leading `templateType` goes before its value; with no mark in either, the mark goes on the
 * inner template's `{` (where missing members point).
 */
export function deviceMappingWith(templateType: string, body: string): string {
  const templateMark = body.includes(MARK) || templateType.includes(MARK) ? '' : MARK;
  const typeText = templateType.startsWith(MARK) ? MARK + JSON.stringify(templateType.slice(1)) : JSON.stringify(templateType);
  return [
    '{',
    '  "templateType": "CollectionContent",',
    '  "template": [',
    '    {',
    `      "templateType": ${typeText},`,
    `      "template": ${templateMark}{`,
    body,
    '      }',
    '    }',
    '  ]',
    '}',
  ].join('\n');
}

/** A FHIR mapping with one element, laid out like {@link deviceMappingWith}. */
export function fhirMappingWith(body: string, templateType = 'CodeValueFhir'): string {
  return deviceMappingWith(templateType, body).replace('"CollectionContent"', '"CollectionFhir"');
}

/** Members of an object, one per line, eight spaces in, comma-separated. */
export function members(...lines: string[]): string {
  return lines.map((line) => `        ${line}`).join(',\n');
}
