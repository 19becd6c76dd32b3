import type * as JmesPath from '@jmespath-community/jmespath' with { 'resolution-mode': 'import' };

// The package's typings are ESM-only while this workspace compiles to CommonJS; its CommonJS build
// (the `require` export) is what runs, so load it with require and borrow the ESM typings.
const { compile } = require('@jmespath-community/jmespath') as typeof JmesPath;

/** What a JMESPath check found: a syntax error, or advice about parts the connector may not run. */
export interface JmesPathCheck {
  /** Why the expression does not parse (the library's message), when it does not. */
  readonly syntaxError?: string;
  /** Functions that are neither JMESPath built-ins nor iomt-fhir custom functions. */
  readonly unknownFunctions: readonly string[];
  /** JMESPath Community syntax (arithmetic, let, `$`, ternary) outside the JMESPath specification. */
  readonly nonStandardSyntax: readonly string[];
}

/** The built-in functions of the JMESPath specification, which the connector's engine implements. */
const SPECIFICATION_FUNCTIONS = [
  'abs', 'avg', 'ceil', 'contains', 'ends_with', 'floor', 'join', 'keys', 'length', 'map', 'max', 'max_by',
  'merge', 'min', 'min_by', 'not_null', 'reverse', 'sort', 'sort_by', 'starts_with', 'sum', 'to_array',
  'to_number', 'to_string', 'type', 'values',
];

/** iomt-fhir's custom functions (docs/CustomFunctions.md). */
const IOMT_FUNCTIONS = [
  'add', 'divide', 'multiply', 'pow', 'subtract', 'insertString', 'fromUnixTimestamp', 'fromUnixTimestampMs',
];

const KNOWN_FUNCTIONS = new Set([...SPECIFICATION_FUNCTIONS, ...IOMT_FUNCTIONS]);

/** AST node types of @jmespath-community/jmespath that the JMESPath specification does not have. */
const COMMUNITY_ONLY_NODES: Record<string, string> = {
  Arithmetic: 'arithmetic operators',
  Unary: 'arithmetic operators',
  LetExpression: 'let expressions',
  Variable: 'variables',
  Root: 'the root reference $',
  Ternary: 'the ternary operator',
};

/**
 * Compiles a JMESPath expression with @jmespath-community/jmespath (no data is evaluated), as
 * iomt-fhir parses CalculatedContent JMESPath expressions eagerly when it loads a template. The
 * community grammar is a superset of the specification the connector's JmesPath.Net implements, so
 * syntax only the community library knows is reported separately, as advice.
 */
export function checkJmesPath(expression: string): JmesPathCheck {
  let ast: unknown;
  try {
    ast = compile(expression);
  } catch (error) {
    return { syntaxError: (error as Error).message, unknownFunctions: [], nonStandardSyntax: [] };
  }
  const unknownFunctions = new Set<string>();
  const nonStandardSyntax = new Set<string>();
  visitNodes(ast, (node) => {
    if (node.type === 'Function' && typeof node.name === 'string' && !KNOWN_FUNCTIONS.has(node.name)) {
      unknownFunctions.add(node.name);
    }
    const construct = COMMUNITY_ONLY_NODES[String(node.type)];
    if (construct !== undefined) {
      nonStandardSyntax.add(construct);
    }
  });
  return { unknownFunctions: [...unknownFunctions], nonStandardSyntax: [...nonStandardSyntax] };
}

type AstNode = { readonly type?: unknown; readonly name?: unknown };

/** Walks every object of the AST; the library's node shapes vary, so any nested object is visited. */
function visitNodes(value: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item) => visitNodes(item, visit));
  } else if (typeof value === 'object' && value !== null) {
    const node = value as AstNode;
    visit(node);
    // A literal's value is data (it may even look like a node), not more expression.
    if (node.type !== 'Literal') {
      Object.values(value).forEach((child) => visitNodes(child, visit));
    }
  }
}
