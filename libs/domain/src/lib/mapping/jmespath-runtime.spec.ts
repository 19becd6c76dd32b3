import { searchJmesPath } from './jmespath-runtime';

const data = { left: 40, right: 50, zero: 0, original: 'suess', unix: 1625677200, unixMs: 1626799080000 };

describe('searchJmesPath with iomt-fhir custom functions', () => {
  it.each<[string, unknown]>([
    ['add(left, right)', 90],
    ['subtract(left, right)', -10],
    ['multiply(left, right)', 2000],
    ['divide(left, right)', 0.8],
    ['pow(`100`, `0.5`)', 10],
    ["insertString(original, 'cc', `2`)", 'success'],
    ["insertString(original, '!!', length(original))", 'suess!!'],
    ['fromUnixTimestamp(unix)', '2021-07-07T17:00:00.000Z'],
    ['fromUnixTimestampMs(unixMs)', '2021-07-20T16:38:00.000Z'],
    ['max([left, right])', 50],
  ])('%s = %p', (expression, result) => {
    expect(searchJmesPath(expression, data)).toEqual(result);
  });

  it.each([
    ['divide(left, zero)', 'mathematical error: divide by zero'],
    ["insertString(original, '!!', `100`)", 'insertString position 100 is out of range for a string of length 5'],
    ["add(left, 'x')", 'Invalid type: add() expected argument 2 to be type (number) but received type string instead.'],
    ['toCelsius(left)', 'Unknown function: toCelsius()'],
  ])('%s fails: %s', (expression, reason) => {
    expect(() => searchJmesPath(expression, data)).toThrow(reason);
  });
});
