import { ValidationError } from '@iomt/domain';

/** One thing wrong in a configuration file: which file, where in it, and what. */
export interface ConfigProblem {
  /** The file, relative to the configuration directory, e.g. `environments/test-westus2.json`. */
  readonly file: string;
  /** JSON path of the field, e.g. `$.infrastructureSubscriptions[0].appServicePlans[1].maxApps`; `$` for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** The code of {@link DeployConfigError}. */
export const INVALID_DEPLOYMENT_CONFIGURATION = 'InvalidDeploymentConfiguration';

/** Formats one problem as `file $.path: message`. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.file} ${problem.path}: ${problem.message}`;
}

/**
 * The deployment configuration is invalid. Lists every problem found, each naming the file and the
 * JSON path of the field, so an operator can fix them all in one pass.
 */
export class DeployConfigError extends ValidationError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => `  ${formatConfigProblem(p)}`);
    super(`The deployment configuration is invalid:\n${lines.join('\n')}`, {
      code: INVALID_DEPLOYMENT_CONFIGURATION,
      details: problems.map((p) => ({
        code: INVALID_DEPLOYMENT_CONFIGURATION,
        message: p.message,
        target: `${p.file} ${p.path}`,
      })),
    });
    this.problems = problems;
  }
}

/** `infrastructureSubscriptions[0].name` (the domain's path format) → `$.infrastructureSubscriptions[0].name`. */
export function jsonPath(path: string): string {
  if (path === '') return '$';
  return path.startsWith('[') ? `$${path}` : `$.${path}`;
}
