import { JsonCursor } from './json-cursor';
import { searchJmesPath } from './jmespath-runtime';
import { selectJsonPath } from './jsonpath-dialect';
import { TemplateExpressionRef } from './template-expression.rules';

/** Why a device event could not be normalized, and which expression of the mapping was at work. */
export class ExtractionError extends Error {
  constructor(
    message: string,
    readonly at: JsonCursor,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

/**
 * Everything an expression selects from `data`: JSONPath tokens, or a JMESPath result (an array
 * result is its items, null is nothing), as iomt-fhir's evaluators' `SelectTokens`.
 */
export function selectAll(expression: TemplateExpressionRef, data: unknown, member: string): unknown[] {
  try {
    if (expression.language === 'JsonPath') {
      return selectJsonPath(expression.text, data);
    }
    const result = searchJmesPath(expression.text, data);
    return result === null || result === undefined ? [] : Array.isArray(result) ? result : [result];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExtractionError(`Unable to evaluate the expression ${expression.text} for [${member}]: ${reason}`, expression.at);
  }
}

/**
 * The one scalar an expression selects, as text (numbers and booleans as JSON writes them), or
 * undefined when it selects nothing or null.
 */
export function selectText(expression: TemplateExpressionRef, data: unknown, member: string): string | undefined {
  const selected =
    expression.language === 'JsonPath' ? selectAll(expression, data, member) : [evaluateJmesPath(expression, data, member)];
  const values = selected.filter((value) => value !== null && value !== undefined);
  if (values.length > 1) {
    throw new ExtractionError(`The expression ${expression.text} for [${member}] selected ${values.length} values; expected one.`, expression.at);
  }
  const [value] = values;
  if (typeof value === 'object' && value !== null) {
    const kind = Array.isArray(value) ? 'an array' : 'an object';
    throw new ExtractionError(`The expression ${expression.text} for [${member}] selected ${kind}; expected a single value.`, expression.at);
  }
  return value === undefined ? undefined : String(value);
}

function evaluateJmesPath(expression: TemplateExpressionRef, data: unknown, member: string): unknown {
  try {
    return searchJmesPath(expression.text, data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExtractionError(`Unable to evaluate the expression ${expression.text} for [${member}]: ${reason}`, expression.at);
  }
}
