import { formatJsonPath, JsonCursor, JsonDocumentRef, JsonPathSegment } from './json-cursor';
import { MappingProblem, MappingProblemCategory, MappingProblemLevel } from './mapping-problem';

/** Gathers the problems of one validation stage (category), each located in its document. */
export class ProblemCollector {
  private readonly found: MappingProblem[] = [];

  constructor(readonly category: MappingProblemCategory) {}

  /** Everything reported so far, in the order it was found. */
  get problems(): readonly MappingProblem[] {
    return this.found;
  }

  /** Reports an ERROR at `at`; `path` overrides the cursor's path, e.g. to name a missing property. */
  error(message: string, at: JsonCursor, path: readonly JsonPathSegment[] = at.path): void {
    this.report('ERROR', message, at.document, at.node.offset, path);
  }

  /** Reports a WARN at `at`; `path` overrides the cursor's path. */
  warn(message: string, at: JsonCursor, path: readonly JsonPathSegment[] = at.path): void {
    this.report('WARN', message, at.document, at.node.offset, path);
  }

  /** Reports a problem at a raw offset of a document, for errors found before there is a node tree. */
  report(
    level: MappingProblemLevel,
    message: string,
    document: JsonDocumentRef,
    offset: number,
    path: readonly JsonPathSegment[],
  ): void {
    const { line, position } = document.locator.locate(offset);
    this.found.push({
      message,
      level,
      category: this.category,
      mapping: document.kind,
      line,
      position,
      path: formatJsonPath(path),
    });
  }
}
