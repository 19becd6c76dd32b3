import { isJsonObject } from './json-merge';
import { type ExpressionNode, TemplateError, isExpression, parseExpression } from './template-expression';
import { type FunctionEnvironment, TEMPLATE_FUNCTIONS, Unresolvable } from './template-functions';

/** Loop indices of the `copy` loops a value sits in; `''` is the innermost one. */
export type LoopScope = Readonly<Record<string, number>>;

/** What the evaluator needs besides the template: parameters, the deployment's place, the state. */
export type EvaluationContext = Omit<FunctionEnvironment, 'variable' | 'copyIndex'>;

/**
 * Evaluates ARM template language expressions in JSON values. A string `"[...]"` is an
 * expression; one that needs an unmodelled function (or data the fake lacks) is kept as the
 * original string, while a malformed one, or a missing parameter/variable, is a TemplateError.
 */
export class TemplateEvaluator {
  private readonly variables: Record<string, unknown>;
  private readonly variableValues = new Map<string, unknown>();
  private readonly resolving = new Set<string>();

  constructor(
    variables: unknown,
    private readonly context: EvaluationContext,
  ) {
    if (variables !== undefined && !isJsonObject(variables))
      throw new TemplateError("The template's 'variables' must be an object.");
    this.variables = variables ?? {};
  }

  /** Evaluates every expression string in a JSON value. */
  value(value: unknown, scope: LoopScope = {}): unknown {
    if (typeof value === 'string') return this.string(value, scope);
    if (Array.isArray(value)) return value.map((item) => this.value(item, scope));
    if (isJsonObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.value(v, scope)]));
    return value;
  }

  /** Like {@link value}, but a value that cannot be resolved is an error (names, types, counts). */
  strict(value: unknown, scope: LoopScope, what: string): unknown {
    try {
      return typeof value === 'string' && isExpression(value)
        ? this.node(parseExpression(value.slice(1, -1)), scope)
        : this.value(value, scope);
    } catch (error) {
      if (error instanceof Unresolvable)
        throw new TemplateError(`The ${what} '${String(value)}' uses a function the fake ARM cannot evaluate.`);
      throw error;
    }
  }

  private string(value: string, scope: LoopScope): unknown {
    if (value.startsWith('[[')) return value.slice(1);
    if (!isExpression(value)) return value;
    try {
      return this.node(parseExpression(value.slice(1, -1)), scope);
    } catch (error) {
      if (error instanceof Unresolvable) return value;
      throw error;
    }
  }

  private node(node: ExpressionNode, scope: LoopScope): unknown {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'call':
        return this.call(node.name, node.args, scope);
      case 'property':
        return member(this.node(node.target, scope), node.name);
      case 'index':
        return member(this.node(node.target, scope), this.node(node.index, scope));
    }
  }

  private call(name: string, argNodes: readonly ExpressionNode[], scope: LoopScope): unknown {
    const lower = name.toLowerCase();
    if (lower === 'if') {
      if (argNodes.length !== 3)
        throw new TemplateError(`The template function 'if' expects 3 arguments, got ${argNodes.length}.`);
      return this.node(this.node(argNodes[0], scope) ? argNodes[1] : argNodes[2], scope);
    }
    const fn = TEMPLATE_FUNCTIONS.get(lower);
    if (!fn) throw new Unresolvable();
    const args = argNodes.map((arg) => this.node(arg, scope));
    try {
      return fn(args, this.environment(scope));
    } catch (error) {
      if (error instanceof Unresolvable || error instanceof TemplateError) throw error;
      throw new TemplateError(`The template function '${name}' failed: ${(error as Error).message}`);
    }
  }

  private environment(scope: LoopScope): FunctionEnvironment {
    return {
      ...this.context,
      parameter: (name) => this.context.parameter(name),
      variable: (name) => this.variable(name),
      copyIndex: (loop) => {
        const index = scope[loop ?? ''];
        if (index === undefined)
          throw new TemplateError(
            `copyIndex(${loop ? `'${loop}'` : ''}) is used outside of a copy loop${loop ? ` named '${loop}'` : ''}.`,
          );
        return index;
      },
    };
  }

  private variable(name: string): unknown {
    const key = Object.keys(this.variables).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new TemplateError(`The template variable '${name}' is not found.`);
    if (this.variableValues.has(key)) return this.variableValues.get(key);
    if (this.resolving.has(key)) throw new TemplateError(`The template variable '${name}' refers to itself.`);
    this.resolving.add(key);
    try {
      const value = this.value(this.variables[key]);
      this.variableValues.set(key, value);
      return value;
    } finally {
      this.resolving.delete(key);
    }
  }
}

/** Property or index access; ARM property names compare case-insensitively. */
function member(target: unknown, key: unknown): unknown {
  if (Array.isArray(target) && typeof key === 'number') {
    if (key < 0 || key >= target.length)
      throw new TemplateError(`The index ${key} is outside the array of length ${target.length}.`);
    return target[key];
  }
  if (isJsonObject(target) && typeof key === 'string') {
    const found = Object.keys(target).find((k) => k.toLowerCase() === key.toLowerCase());
    if (found !== undefined) return target[found];
  }
  // Data the fake does not model (e.g. a property of reference()) keeps the expression as written.
  throw new Unresolvable();
}
