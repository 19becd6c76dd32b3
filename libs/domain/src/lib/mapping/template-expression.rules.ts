import { findProperty, JsonCursor, kindOf, stringAt } from './json-cursor';
import { checkJmesPath } from './jmespath-syntax';
import { findJsonPathSyntaxError } from './jsonpath-syntax';
import { ProblemCollector } from './problem-collector';
import { memberName, reportMissing, reportUnknownProperties } from './property-rules';

/** The expression languages of a CalculatedContent template (iomt-fhir `TemplateExpressionLanguage`). */
export type ExpressionLanguage = 'JsonPath' | 'JmesPath';

const LANGUAGES: readonly ExpressionLanguage[] = ['JsonPath', 'JmesPath'];

/** An expression of a template: its text, its language and where its text is. */
export interface TemplateExpressionRef {
  readonly text: string;
  readonly language: ExpressionLanguage;
  readonly at: JsonCursor;
}

/** Reports a JSONPath expression (a string node) that does not parse; see `findJsonPathSyntaxError`. */
export function checkJsonPathAt(at: JsonCursor, collector: ProblemCollector): TemplateExpressionRef {
  const expression = String(at.node.value);
  const reason = findJsonPathSyntaxError(expression);
  if (reason !== undefined) {
    collector.error(`The following JsonPath expression could not be parsed: ${expression}. Cause: ${reason}`, at);
  }
  return { text: expression, language: 'JsonPath', at };
}

/** Reports a JMESPath expression (a string node) that does not parse (iomt-fhir's text) or may not run. */
export function checkJmesPathAt(at: JsonCursor, collector: ProblemCollector): TemplateExpressionRef {
  const expression = String(at.node.value);
  const check = checkJmesPath(expression);
  if (check.syntaxError !== undefined) {
    collector.error(`The following JmesPath expression could not be parsed: ${expression}. Cause: ${check.syntaxError}`, at);
  }
  for (const name of check.unknownFunctions) {
    collector.warn(
      `The JmesPath expression ${expression} calls '${name}', which is neither a JMESPath built-in function nor an iomt-fhir custom function.`,
      at,
    );
  }
  if (check.nonStandardSyntax.length > 0) {
    collector.warn(
      `The JmesPath expression ${expression} uses ${check.nonStandardSyntax.join(', ')}, which the JMESPath specification does not define; the connector may fail to parse it.`,
      at,
    );
  }
  return { text: expression, language: 'JmesPath', at };
}

/** Reads a language name the way Json.NET's StringEnumConverter does (case-insensitive). */
function readLanguage(at: JsonCursor, collector: ProblemCollector): ExpressionLanguage | undefined {
  const name = stringAt(at);
  const language = LANGUAGES.find((candidate) => candidate.toLowerCase() === name?.toLowerCase());
  if (language === undefined) {
    const shown = name ?? kindOf(at);
    collector.error(`Error converting value "${shown}" to type 'TemplateExpressionLanguage'. Expected JsonPath or JmesPath.`, at);
  }
  return language;
}

/** Rule D9: a CalculatedContent template's `defaultExpressionLanguage`, JsonPath when absent. */
export function readDefaultLanguage(template: JsonCursor, collector: ProblemCollector): ExpressionLanguage {
  const at = findProperty(template, 'defaultExpressionLanguage')?.value;
  if (at === undefined || at.node.type === 'null') {
    return 'JsonPath';
  }
  return readLanguage(at, collector) ?? 'JsonPath';
}

/**
 * Rule D9: checks a CalculatedContent expression, either a string in the default language or
 * `{ "value": "...", "language": "JsonPath" | "JmesPath" }`, and its syntax. `at` is the property's
 * value; returns the expression when it is usable.
 */
export function checkCalculatedExpression(
  at: JsonCursor,
  key: string,
  defaultLanguage: ExpressionLanguage,
  collector: ProblemCollector,
): TemplateExpressionRef | undefined {
  let valueAt: JsonCursor | undefined = at;
  let language = defaultLanguage;
  if (at.node.type === 'object') {
    reportUnknownProperties(at, ['value', 'language'], 'TemplateExpression', collector, 'WARN');
    const languageAt = findProperty(at, 'language')?.value;
    if (languageAt !== undefined && languageAt.node.type !== 'null') {
      language = readLanguage(languageAt, collector) ?? language;
    }
    valueAt = findProperty(at, 'value')?.value;
    if (valueAt === undefined) {
      reportMissing(at, 'value', collector);
      return undefined;
    }
  }
  if (valueAt.node.type !== 'string') {
    const expected = at === valueAt ? 'a string or an object with value and language' : 'a string';
    collector.error(`Expected ${expected} for expression '${memberName(key)}', actual ${kindOf(valueAt)}.`, valueAt);
    return undefined;
  }
  if (String(valueAt.node.value).trim() === '') {
    collector.error(`Unable to create the template; the expression for [${memberName(key)}] is missing`, valueAt);
    return undefined;
  }
  return (language === 'JmesPath' ? checkJmesPathAt : checkJsonPathAt)(valueAt, collector);
}
