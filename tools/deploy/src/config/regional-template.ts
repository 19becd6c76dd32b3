import { problemsOf } from '@iomt/domain';
import { z } from 'zod';
import { DeployConfigError, jsonPath } from './config-error';
import { readJsonFile } from './json-file';

/** The regional infrastructure template, relative to the configuration directory. */
export const REGIONAL_TEMPLATE_FILE = 'templates/regional-infrastructure.json';

/** The parameters the deployment passes and the outputs it reads: the template's contract. */
export const REGIONAL_TEMPLATE_PARAMETERS = [
  'location',
  'storageAccountName',
  'storageSkuName',
  'appServicePlans',
  'monitoringEnvironment',
  'monitoringAccount',
  'monitoringNamespace',
  'monitoringConfigVersion',
  'tags',
] as const;
export const REGIONAL_TEMPLATE_OUTPUTS = ['storageAccountId', 'appServicePlanIds', 'monitoringAgentAppIds'] as const;

const declared = (what: string) => z.looseObject({ type: z.string({ error: `must declare the ${what}'s type` }) });

const templateSchema = z.looseObject({
  $schema: z
    .string()
    .regex(/deploymentTemplate\.json#$/, { error: 'must be a resource group deployment template schema' }),
  contentVersion: z.string(),
  parameters: z.looseObject(Object.fromEntries(REGIONAL_TEMPLATE_PARAMETERS.map((p) => [p, declared('parameter')]))),
  resources: z.array(z.looseObject({ type: z.string(), apiVersion: z.string(), name: z.string() })).min(1),
  outputs: z.looseObject(Object.fromEntries(REGIONAL_TEMPLATE_OUTPUTS.map((o) => [o, declared('output')]))),
});

/**
 * Reads the regional template and checks its contract (the parameters passed, the outputs read),
 * so that a broken template fails here, naming the field, rather than in ARM.
 * @throws DeployConfigError naming the file and JSON path.
 */
export async function loadRegionalTemplate(root: string): Promise<Record<string, unknown>> {
  const read = await readJsonFile(root, REGIONAL_TEMPLATE_FILE);
  if (!read.ok) throw new DeployConfigError([read.problem]);
  const problems = problemsOf(templateSchema, read.value);
  if (problems.length > 0) {
    throw new DeployConfigError(
      problems.map((p) => ({ file: REGIONAL_TEMPLATE_FILE, path: jsonPath(p.path), message: p.message })),
    );
  }
  return read.value as Record<string, unknown>;
}
