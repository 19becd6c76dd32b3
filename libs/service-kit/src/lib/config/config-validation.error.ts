/** One problem with one setting. */
export interface ConfigIssue {
  /** The environment variable (or dotted path) that is wrong or missing. */
  readonly setting: string;
  /** What is wrong, phrased to follow the setting's name. */
  readonly problem: string;
}

/**
 * Thrown by `loadConfig` when settings are wrong or missing. The message names every bad
 * setting and never repeats a value, since a malformed value may still be a secret.
 */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`Invalid configuration: ${issues.map((i) => `${i.setting} ${i.problem}`).join('; ')}`);
  }

  /** The names of the bad settings, in the order they were reported. */
  get settings(): string[] {
    return [...new Set(this.issues.map((i) => i.setting))];
  }
}
