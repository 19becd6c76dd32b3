/** `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `${NAME?error}` and `$$`. */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g;

/** A `${NAME:?message}` whose variable is unset: compose refuses to start. */
export class MissingVariableError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable} is required: ${detail}`);
    this.name = 'MissingVariableError';
  }
}

/**
 * The value compose would use for `value` with the variables in `env` (compose's own rules:
 * `:-` also replaces an empty value, `-` only an unset one).
 * @throws MissingVariableError for a `${NAME:?message}` that is not satisfied.
 */
export function interpolate(value: string, env: Readonly<Record<string, string | undefined>>): string {
  return value.replace(VARIABLE, (match, name: string | undefined, colon: string, operator: string, operand: string) => {
    if (match === '$$') return '$';
    const current = env[name!];
    const missing = colon === ':' ? current === undefined || current === '' : current === undefined;
    if (operator === '-') return missing ? operand : current!;
    if (operator === '?' && missing) throw new MissingVariableError(name!, operand || 'not set');
    return current ?? '';
  });
}
