import type { DestinationStream } from 'pino';

/** One parsed JSON log line. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

/** A pino destination that keeps every line in memory, for tests to assert on. */
export class LogCapture implements DestinationStream {
  /** The lines exactly as written (each one JSON object). */
  readonly raw: string[] = [];

  /** pino calls this once per finished line. */
  write(line: string): void {
    this.raw.push(...line.split('\n').filter((l) => l.length > 0));
  }

  /** Every line, parsed. */
  get lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }

  /** The lines matching `predicate`. */
  filter(predicate: (line: LogLine) => boolean): LogLine[] {
    return this.lines.filter(predicate);
  }
}
