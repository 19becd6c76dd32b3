import type * as JmesPath from '@jmespath-community/jmespath' with { 'resolution-mode': 'import' };

// See jmespath-syntax.ts: the CommonJS build runs, the ESM typings describe it.
const jmespath = require('@jmespath-community/jmespath') as typeof JmesPath;

type Numbers = [number, number];

/** The library's type for a custom function; ours take narrower (validated) arguments. */
type LibraryFunction = Parameters<typeof jmespath.register>[1];

/**
 * iomt-fhir's JMESPath custom functions (docs/CustomFunctions.md). Timestamps come out as ISO 8601
 * in UTC with milliseconds (iomt-fhir writes `...+0`); either parses to the same instant.
 */
const IOMT_FUNCTIONS: readonly [string, (args: never) => JmesPath.JSONValue, JmesPath.InputSignature[]][] = [
  ['add', ([left, right]: Numbers) => left + right, numberArguments(2)],
  ['subtract', ([left, right]: Numbers) => left - right, numberArguments(2)],
  ['multiply', ([left, right]: Numbers) => left * right, numberArguments(2)],
  ['divide', ([left, right]: Numbers) => finite(left / right, 'divide by zero'), numberArguments(2)],
  ['pow', ([left, right]: Numbers) => finite(left ** right, 'overflow'), numberArguments(2)],
  ['insertString', insertString, [{ types: [jmespath.TYPE_STRING] }, { types: [jmespath.TYPE_STRING] }, { types: [jmespath.TYPE_NUMBER] }]],
  ['fromUnixTimestamp', ([seconds]: [number]) => isoTimestamp(seconds * 1000), numberArguments(1)],
  ['fromUnixTimestampMs', ([milliseconds]: [number]) => isoTimestamp(milliseconds), numberArguments(1)],
];

function numberArguments(count: number): JmesPath.InputSignature[] {
  return Array.from({ length: count }, () => ({ types: [jmespath.TYPE_NUMBER] }));
}

function finite(result: number, failure: string): number {
  if (!Number.isFinite(result)) {
    throw new RangeError(`mathematical error: ${failure}`);
  }
  return result;
}

function insertString([original, toInsert, position]: [string, string, number]): string {
  if (!Number.isInteger(position) || position < 0 || position > original.length) {
    throw new RangeError(`insertString position ${position} is out of range for a string of length ${original.length}`);
  }
  return original.slice(0, position) + toInsert + original.slice(position);
}

function isoTimestamp(milliseconds: number): string {
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${milliseconds} ms since the epoch is not a valid time`);
  }
  return date.toISOString();
}

/**
 * Registers the custom functions in the library's (process-wide) function table once; names that
 * are already registered are left alone.
 */
function ensureIomtFunctions(): void {
  for (const [name, implementation, signature] of IOMT_FUNCTIONS) {
    if (!jmespath.isRegistered(name)) {
      // The signature makes the library check argument types before calling.
      jmespath.register(name, implementation as LibraryFunction, signature);
    }
  }
}

/** Evaluates a JMESPath expression against `data`, with iomt-fhir's custom functions available. */
export function searchJmesPath(expression: string, data: unknown): unknown {
  ensureIomtFunctions();
  return jmespath.search(data as JmesPath.JSONValue, expression);
}
