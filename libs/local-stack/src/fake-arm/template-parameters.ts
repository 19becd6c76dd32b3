import { isJsonObject } from './json-merge';
import { TemplateError } from './template-expression';

interface ParameterDeclaration {
  readonly type?: unknown;
  readonly defaultValue?: unknown;
  readonly allowedValues?: unknown;
  readonly minValue?: unknown;
  readonly maxValue?: unknown;
  readonly minLength?: unknown;
  readonly maxLength?: unknown;
}

const TYPE_CHECKS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  securestring: (v) => typeof v === 'string',
  int: (v) => Number.isInteger(v),
  bool: (v) => typeof v === 'boolean',
  object: isJsonObject,
  secureobject: isJsonObject,
  array: Array.isArray,
};

/**
 * A template's parameters: supplied `{ name: { value } }` checked against the declarations
 * (unknown names, missing values, type, allowedValues, min/max), defaults evaluated on demand.
 */
export class TemplateParameters {
  private readonly declared: Record<string, ParameterDeclaration>;
  private readonly supplied: Record<string, unknown>;
  private readonly values = new Map<string, unknown>();
  private readonly resolving = new Set<string>();

  constructor(
    declared: unknown,
    supplied: unknown,
    private readonly evaluate: (value: unknown) => unknown,
  ) {
    if (declared !== undefined && !isJsonObject(declared))
      throw new TemplateError("The template's 'parameters' must be an object.");
    if (supplied !== undefined && supplied !== null && !isJsonObject(supplied))
      throw new TemplateError("The deployment's 'parameters' must be an object.");
    this.declared = (declared ?? {}) as Record<string, ParameterDeclaration>;
    this.supplied = supplied ?? {};
    const unknown = Object.keys(this.supplied).filter((name) => !this.declaration(name));
    if (unknown.length > 0) {
      throw new TemplateError(
        `The following parameters were supplied, but do not correspond to any parameters defined in the template: '${unknown.join(', ')}'.`,
      );
    }
  }

  /** Resolves and checks every parameter (a deployment fails fast on any of them). */
  resolveAll(): void {
    for (const name of Object.keys(this.declared)) this.get(name);
  }

  /** The value of a parameter; throws TemplateError when it is unknown or invalid. */
  get(name: string): unknown {
    const key = this.keyOf(name);
    if (this.values.has(key)) return this.values.get(key);
    if (this.resolving.has(key)) throw new TemplateError(`The template parameter '${name}' refers to itself.`);
    this.resolving.add(key);
    try {
      const value = this.resolve(key);
      this.values.set(key, value);
      return value;
    } finally {
      this.resolving.delete(key);
    }
  }

  /** `{ name: { type, value } }` as ARM shows it; secure values are left out. */
  view(): Record<string, { type: string; value?: unknown }> {
    return Object.fromEntries(
      Object.entries(this.declared).map(([name, declaration]) => {
        const type = String(declaration.type ?? 'string');
        const secure = type.toLowerCase().startsWith('secure');
        return [name, secure ? { type } : { type, value: this.get(name) }];
      }),
    );
  }

  private resolve(name: string): unknown {
    const declaration = this.declared[name];
    const supplied = this.suppliedEntry(name);
    if (isJsonObject(supplied) && 'reference' in supplied) {
      throw new TemplateError(
        `The parameter '${name}' uses a Key Vault reference, which the fake ARM does not support.`,
      );
    }
    const value =
      isJsonObject(supplied) && 'value' in supplied ? supplied.value : this.evaluate(declaration.defaultValue);
    if (value === undefined) throw new TemplateError(`The value for the template parameter '${name}' is not provided.`);
    check(name, declaration, value);
    return value;
  }

  private suppliedEntry(name: string): unknown {
    const key = Object.keys(this.supplied).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : this.supplied[key];
  }

  private keyOf(name: string): string {
    const key = Object.keys(this.declared).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new TemplateError(`The template parameter '${name}' is not found.`);
    return key;
  }

  private declaration(name: string): ParameterDeclaration | undefined {
    const key = Object.keys(this.declared).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : this.declared[key];
  }
}

function check(name: string, declaration: ParameterDeclaration, value: unknown): void {
  const type = String(declaration.type ?? 'string').toLowerCase();
  const invalid = (why: string) =>
    new TemplateError(`The provided value for the template parameter '${name}' is not valid: ${why}.`);
  if (TYPE_CHECKS[type] && !TYPE_CHECKS[type](value)) throw invalid(`expected ${type}, got ${JSON.stringify(value)}`);
  const allowed = declaration.allowedValues;
  if (Array.isArray(allowed) && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
    throw invalid(`the value ${JSON.stringify(value)} is not part of the allowed value(s) ${JSON.stringify(allowed)}`);
  }
  const size =
    typeof value === 'number' ? value : typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  const bounds: [unknown, unknown] =
    typeof value === 'number'
      ? [declaration.minValue, declaration.maxValue]
      : [declaration.minLength, declaration.maxLength];
  const what = typeof value === 'number' ? 'the value' : 'the length';
  if (size !== undefined && typeof bounds[0] === 'number' && size < bounds[0])
    throw invalid(`${what} ${size} is less than the minimum ${bounds[0]}`);
  if (size !== undefined && typeof bounds[1] === 'number' && size > bounds[1])
    throw invalid(`${what} ${size} is more than the maximum ${bounds[1]}`);
}
