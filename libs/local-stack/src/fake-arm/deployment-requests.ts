import { z } from 'zod';
import { ArmError } from './arm-error';
import type { ArmState, ResourceGroupRecord } from './arm-state';
import { parseBody } from './body-schema';
import type { DeploymentRecord } from './deployment-record';
import type { LongRunningOperations } from './long-running';
import { idKey, resourceGroupId } from './resource-id';
import type { ArmRequest } from './router';
import { TemplateError } from './template-expression';

/** Route templates of the deployment family, with the casing arm-resources 6.1.0 sends. */
export const GROUP = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
export const DEPLOYMENT = `${GROUP}/providers/Microsoft.Resources/deployments/{deploymentName}`;
/** Deployment operations have no `providers/Microsoft.Resources` segment (iomt.md §5). */
export const OPERATIONS = `${GROUP}/deployments/{deploymentName}/operations`;

const deploymentBody = z.object({
  location: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  properties: z.object({
    mode: z.enum(['Incremental', 'Complete']),
    template: z.record(z.string(), z.unknown()).optional(),
    templateLink: z.unknown().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});
/** A checked deployment request body. */
export type DeploymentBody = z.infer<typeof deploymentBody>;

/** Parses a PUT/validate/whatIf body; templates must be inline. */
export function checkedBody(raw: unknown): DeploymentBody {
  const body = parseBody(deploymentBody, raw, 'deployment');
  if (body.properties.templateLink !== undefined) {
    const message =
      'The fake ARM does not fetch properties.templateLink: send the template inline in properties.template.';
    throw new ArmError(400, 'InvalidTemplate', message);
  }
  if (!body.properties.template)
    throw new ArmError(400, 'InvalidTemplate', 'The deployment has no properties.template.');
  return body;
}

/** What planning a deployment needs. */
export function targetOf(group: ResourceGroupRecord, name: string, body: DeploymentBody) {
  const { template, parameters } = body.properties;
  return {
    subscriptionId: group.subscriptionId,
    resourceGroup: group.name,
    name,
    template,
    suppliedParameters: parameters,
  };
}

/** Runs template checks, answering their failures as 400 InvalidTemplate. */
export function asInvalidTemplate<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw new ArmError(400, 'InvalidTemplate', `Deployment template validation failed: ${error.message}`);
  }
}

/** The id of the deployment a request names. */
export function deploymentId(request: ArmRequest): string {
  const { subscriptionId, resourceGroupName, deploymentName } = request.params;
  const group = resourceGroupId(subscriptionId, resourceGroupName);
  return `${group}/providers/Microsoft.Resources/deployments/${deploymentName}`;
}

export function findDeployment(state: ArmState, request: ArmRequest): DeploymentRecord | undefined {
  return state.deployments.get(idKey(deploymentId(request)));
}

/**
 * The deployment, advanced by this read if it is still running (GETs count as polls). Like ARM,
 * a read in a group that does not exist is 404 ResourceGroupNotFound, not DeploymentNotFound.
 */
export function requireDeployment(state: ArmState, lro: LongRunningOperations, request: ArmRequest): DeploymentRecord {
  state.requireGroup(request.params.subscriptionId, request.params.resourceGroupName);
  const found = findDeployment(state, request);
  if (!found) {
    throw new ArmError(404, 'DeploymentNotFound', `Deployment '${request.params.deploymentName}' could not be found.`);
  }
  if (isActive(found)) lro.advance(found.operationId);
  return found;
}

/** Accepted or Running. */
export function isActive(deployment: DeploymentRecord): boolean {
  return deployment.provisioningState === 'Accepted' || deployment.provisioningState === 'Running';
}
