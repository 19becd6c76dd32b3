import { JSONPath } from 'jsonpath-plus';
import { findJsonPathSyntaxError } from './jsonpath-syntax';

describe('findJsonPathSyntaxError', () => {
  it.each([
    ['$..[?(@heartRate)]', 'Json.NET filter shorthand of the iomt-fhir docs'],
    ['$..[?(@Body.systolic && @Body.diastolic)]', 'shorthand with members and &&'],
    ['$..[?(@.name == \'a.b\')].value', 'a quoted string in a filter'],
    ['$.Body[?(@.type == "hr" && @.value > 0)]', 'comparisons'],
    ['$.Body[?(@.code =~ /^HR-\\d+$/)]', 'a Json.NET regex match'],
    ['$.matchedToken.heartRate', 'a plain path'],
    ['$.SystemProperties.iothub-connection-device-id', 'names with hyphens'],
    ["$['odd key'].x", 'a quoted member'],
    ['$.a[0]', 'an index'],
    ['$.a[-1:]', 'a slice'],
    ['$.a[0, 2]', 'an index list'],
    ['$.a[*].b', 'a wildcard'],
    ['$..b', 'a recursive descent'],
    ['matchedToken.x', 'an implicit root'],
    ['@.heartRate', 'a current-token path'],
    ['$', 'the root'],
    ['  $.a  ', 'surrounding blanks'],
    ['$.a[?(@.b[?(@.c)])]', 'a nested filter (not compiled)'],
  ])('accepts %s (%s)', (expression) => {
    expect(findJsonPathSyntaxError(expression)).toBeUndefined();
  });

  it.each([
    ['$[', 'Path ended with open indexer.'],
    ["$['a", 'Path ended with open indexer.'],
    ['$.a]]', 'Unexpected character while parsing path: ]'],
    ['$$$', 'Unexpected character while parsing path: $'],
    ['$a', 'Unexpected character while parsing path: a'],
    ['$(a)', 'Unexpected character while parsing path: ('],
    ['$.a[]', 'Array index expected.'],
    ['$.a[ ]', 'Array index expected.'],
    ['$.a[x]', 'Unexpected character while parsing path indexer: x'],
    ['$.a[1.5]', 'Unexpected character while parsing path indexer: .'],
    ['$.a[0]x', 'Unexpected character following indexer: x'],
    ['$.a[?(@.x == 1]', 'Unexpected character while parsing path indexer: ]'],
    ['$.a[?@.x]', 'Unexpected character while parsing path indexer: @'],
    ['$.a b', "Unexpected whitespace in the path; quote names that contain spaces, e.g. ['a b']"],
    ['$.a[(@.length-1)]', 'Script expressions like [(@.length-1)] are not supported; use an index or a filter ?(...)'],
    ['$.a[?()]', 'Empty filter ?()'],
    ['$.a[?(@.x >)]', 'Invalid filter ?(@.x >): Expected expression after >'],
    ['$..[?(@a && )]', 'Invalid filter ?(@a && ): Expected expression after &&'],
    ['$..[?(@a == == 1)]', 'Invalid filter ?(@a == == 1): Expected expression after =='],
    ['$..[?(@a ! 1)]', 'Invalid filter ?(@a ! 1): expected a single expression'],
    ['$..[?(@.a.)]', 'Invalid filter ?(@.a.): Unexpected end of the filter'],
    ["$..[?(@a == 'x)]", 'Path ended with open indexer.'],
    ['$..[?(@a == (1)]', 'Unexpected character while parsing path indexer: ]'],
  ])('rejects %s: %s', (expression, reason) => {
    expect(findJsonPathSyntaxError(expression)).toBe(reason);
  });

  // Why the scan above exists: jsonpath-plus on its own lets all of these through.
  it.each(['$[', '$.a]]', '$$$', '$.a[x]'])('is stricter than jsonpath-plus, which tokenizes %s without error', (expression) => {
    expect(() => JSONPath.toPathArray(expression)).not.toThrow();
    expect(() => JSONPath({ path: expression, json: {}, wrap: true })).not.toThrow();
    expect(findJsonPathSyntaxError(expression)).toBeDefined();
  });
});
