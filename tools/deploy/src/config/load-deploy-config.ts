import { problemsOf } from '@iomt/domain';
import type { z } from 'zod';
import { ConfigProblem, DeployConfigError, jsonPath } from './config-error';
import { crossFileProblems, EnvironmentFile } from './config-rules';
import { EnvironmentGroupConfig, environmentConfigSchema, environmentGroupConfigSchema } from './config.schemas';
import { readJsonFile } from './json-file';

/** An environment group and its environments, validated together. */
export interface DeployConfig {
  /** The configuration directory (holding `environmentGroups/`, `environments/`, `templates/`). */
  readonly root: string;
  readonly group: EnvironmentGroupConfig;
  /** In the group's order. */
  readonly environments: readonly EnvironmentFile[];
}

async function readValidated<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
  problems: ConfigProblem[],
): Promise<z.output<S> | undefined> {
  const read = await readJsonFile(root, file);
  if (!read.ok) {
    problems.push(read.problem);
    return undefined;
  }
  const found = problemsOf(schema, read.value).map((p) => ({ file, path: jsonPath(p.path), message: p.message }));
  problems.push(...found);
  return found.length === 0 ? (schema.parse(read.value) as z.output<S>) : undefined;
}

/**
 * Reads and validates `environmentGroups/<groupName>.json` and each environment it lists.
 * @throws DeployConfigError listing every problem (file + JSON path + message).
 */
export async function loadDeployConfig(root: string, groupName: string): Promise<DeployConfig> {
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(groupName)) {
    throw new DeployConfigError([
      { file: 'environmentGroups', path: '$', message: `"${groupName}" is not an environment group name` },
    ]);
  }
  const problems: ConfigProblem[] = [];
  const groupFile = `environmentGroups/${groupName}.json`;
  const group = await readValidated(root, groupFile, environmentGroupConfigSchema, problems);
  if (group === undefined) throw new DeployConfigError(problems);
  const environments: EnvironmentFile[] = [];
  for (const name of new Set(group.environments)) {
    const file = `environments/${name}.json`;
    const config = await readValidated(root, file, environmentConfigSchema, problems);
    if (config !== undefined) environments.push({ file, config });
  }
  problems.push(...crossFileProblems(groupFile, group, groupName, environments));
  if (problems.length > 0) throw new DeployConfigError(problems);
  return { root, group, environments };
}
