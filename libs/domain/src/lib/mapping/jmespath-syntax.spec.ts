import { checkJmesPath } from './jmespath-syntax';

describe('checkJmesPath', () => {
  it.each([
    'matchedToken.heartRate',
    'fromUnixTimestampMs(matchedToken.endDate)',
    "insertString(matchedToken.id, '-', `2`)",
    'divide(add(matchedToken.a, matchedToken.b), `2`)',
    'matchedToken.readings[?type == `"hr"`].value | [0]',
    'to_number(matchedToken.hr)',
    'length(matchedToken.samples) > `0`',
  ])('accepts %s', (expression) => {
    expect(checkJmesPath(expression)).toEqual({ unknownFunctions: [], nonStandardSyntax: [] });
  });

  it.each([
    ['matchedToken.', 'Syntax error, unexpected token: (EOF)'],
    ['matchedToken[', 'Syntax error: expected Star, got: EOF'],
    ['a..b', 'Syntax error, unexpected token: .(Dot)'],
    ['`foo`', 'Syntax error: unexpected end of JSON input or invalid format for a JSON literal: `'],
    ['', 'Syntax error: invalid token (EOF): ""'],
  ])('rejects %p: %s', (expression, syntaxError) => {
    expect(checkJmesPath(expression)).toEqual({ syntaxError, unknownFunctions: [], nonStandardSyntax: [] });
  });

  it('reports an expression too deeply nested to parse instead of crashing', () => {
    const nested = `${'('.repeat(50_000)}a${')'.repeat(50_000)}`;
    expect(checkJmesPath(nested).syntaxError).toEqual(expect.any(String));
  });

  it('names functions that are neither built-in nor iomt-fhir custom functions, once each', () => {
    expect(checkJmesPath('toCelsius(a) || toCelsius(b) || upper(c) || abs(d)').unknownFunctions).toEqual(['toCelsius', 'upper']);
  });

  it('does not mistake a literal that looks like a function node for a call', () => {
    expect(checkJmesPath('`{"type": "Function", "name": "nope"}`').unknownFunctions).toEqual([]);
  });

  it.each([
    ['a + b', ['arithmetic operators']],
    ['-a', ['arithmetic operators']],
    ['let $x = a in $x', ['let expressions', 'variables']],
    ['$.a', ['the root reference $']],
  ])('flags JMESPath Community syntax in %s', (expression, constructs) => {
    expect(checkJmesPath(expression).nonStandardSyntax).toEqual(constructs);
  });
});
