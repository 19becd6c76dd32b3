import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ArmError } from './arm-error';
import type { ArmState, ResourceGroupRecord } from './arm-state';
import { parseBody } from './body-schema';
import { executeDeployment, planDeployment } from './deployment-execution';
import { type DeploymentRecord, deploymentOperationView, deploymentView } from './deployment-record';
import type { FaultInjector } from './faults';
import type { ArmResponse } from './http-io';
import type { LongRunningOperations } from './long-running';
import { idKey, resourceGroupId } from './resource-id';
import type { ArmRequest, ArmRoute } from './router';
import { TemplateError } from './template-expression';

const GROUP = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
const DEPLOYMENT = `${GROUP}/providers/Microsoft.Resources/deployments/{deploymentName}`;
const OPERATIONS = `${GROUP}/deployments/{deploymentName}/operations`;

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
type DeploymentBody = z.infer<typeof deploymentBody>;

/** Template deployments: create (long-running), get, check, list, validate, what-if, operations. */
export function deploymentRoutes(state: ArmState, lro: LongRunningOperations, faults: FaultInjector): ArmRoute[] {
  const operations = (r: ArmRequest): ArmResponse => {
    const deployment = requireDeployment(state, lro, r);
    return { status: 200, body: { value: deployment.operations.map((o) => deploymentOperationView(deployment, o)) } };
  };
  return [
    { method: 'PUT', template: DEPLOYMENT, handle: (r) => putDeployment(state, lro, faults, r) },
    {
      method: 'GET',
      template: DEPLOYMENT,
      handle: (r) => ({ status: 200, body: deploymentView(requireDeployment(state, lro, r)) }),
    },
    { method: 'HEAD', template: DEPLOYMENT, handle: (r) => ({ status: findDeployment(state, r) ? 204 : 404 }) },
    {
      method: 'DELETE',
      template: DEPLOYMENT,
      handle: (r) => ({ status: state.deployments.delete(idKey(deploymentId(r))) ? 200 : 204 }),
    },
    {
      method: 'GET',
      template: `${GROUP}/providers/Microsoft.Resources/deployments`,
      handle: (r) => {
        const group = state.requireGroup(r.params.subscriptionId, r.params.resourceGroupName);
        const inGroup = [...state.deployments.values()].filter((d) => idKey(d.id).startsWith(`${idKey(group.id)}/`));
        return { status: 200, body: { value: inGroup.map(deploymentView) } };
      },
    },
    { method: 'POST', template: `${DEPLOYMENT}/validate`, handle: (r) => validate(state, r) },
    { method: 'POST', template: `${DEPLOYMENT}/whatIf`, handle: (r) => whatIf(state, lro, r) },
    { method: 'GET', template: OPERATIONS, handle: operations },
    { method: 'GET', template: `${DEPLOYMENT}/operations`, handle: operations },
    {
      method: 'GET',
      template: `${OPERATIONS}/{operationId}`,
      handle: (r) => {
        const deployment = requireDeployment(state, lro, r);
        const found = deployment.operations.find(
          (o) => o.operationId.toLowerCase() === r.params.operationId.toLowerCase(),
        );
        if (!found)
          throw new ArmError(
            404,
            'DeploymentOperationNotFound',
            `Operation '${r.params.operationId}' of deployment '${deployment.name}' could not be found.`,
          );
        return { status: 200, body: deploymentOperationView(deployment, found) };
      },
    },
  ];
}

function putDeployment(
  state: ArmState,
  lro: LongRunningOperations,
  faults: FaultInjector,
  request: ArmRequest,
): ArmResponse {
  const { subscriptionId, resourceGroupName, deploymentName } = request.params;
  const group = state.requireGroup(subscriptionId, resourceGroupName);
  const existing = findDeployment(state, request);
  if (existing && (existing.provisioningState === 'Accepted' || existing.provisioningState === 'Running')) {
    throw new ArmError(
      409,
      'DeploymentActive',
      `The deployment '${deploymentName}' is already running in resource group '${group.name}'. Wait until it completes.`,
    );
  }
  const body = checkedBody(request.body);
  const target = targetOf(group, deploymentName, body);
  const plan = asInvalidTemplate(() => planDeployment(state, target));
  const injectedFailure = faults.deploymentFailure(deploymentName);
  const record: DeploymentRecord = {
    ...target,
    id: `${group.id}/providers/Microsoft.Resources/deployments/${deploymentName}`,
    mode: body.properties.mode,
    correlationId: randomUUID(),
    parameters: plan.parameters,
    timestamp: new Date().toISOString(),
    operationId: lro.begin(group.subscriptionId, () => executeDeployment(state, record)),
    ...(injectedFailure ? { injectedFailure } : {}),
    provisioningState: 'Accepted',
    outputResources: [],
    operations: [],
  };
  state.deployments.set(idKey(record.id), record);
  const headers = lro.pollingHeaders(
    request.baseUrl,
    group.subscriptionId,
    record.operationId,
    'async',
    request.query.get('api-version') ?? '',
  );
  return { status: 201, body: deploymentView(record), headers };
}

function validate(state: ArmState, request: ArmRequest): ArmResponse {
  const body = checkedBody(request.body);
  const { subscriptionId, resourceGroupName, deploymentName } = request.params;
  const group = state.requireGroup(subscriptionId, resourceGroupName);
  const plan = asInvalidTemplate(() => planDeployment(state, targetOf(group, deploymentName, body)));
  const properties = {
    provisioningState: 'Succeeded',
    mode: body.properties.mode,
    parameters: plan.parameters,
    validatedResources: plan.resources.map((r) => ({ id: r.id })),
  };
  return {
    status: 200,
    body: { id: deploymentId(request), name: deploymentName, type: 'Microsoft.Resources/deployments', properties },
  };
}

function whatIf(state: ArmState, lro: LongRunningOperations, request: ArmRequest): ArmResponse {
  const body = checkedBody(request.body);
  const { subscriptionId, resourceGroupName, deploymentName } = request.params;
  const group = state.requireGroup(subscriptionId, resourceGroupName);
  const plan = asInvalidTemplate(() => planDeployment(state, targetOf(group, deploymentName, body)));
  const changes = plan.resources.map((r) => ({
    resourceId: r.id,
    changeType: state.resource(r.id) ? 'Modify' : 'Create',
  }));
  const id = lro.begin(subscriptionId, () => ({
    status: 'Succeeded',
    result: { status: 200, body: { status: 'Succeeded', properties: { changes } } },
  }));
  return {
    status: 202,
    headers: lro.pollingHeaders(
      request.baseUrl,
      subscriptionId,
      id,
      'location',
      request.query.get('api-version') ?? '',
    ),
  };
}

function targetOf(group: ResourceGroupRecord, name: string, body: DeploymentBody) {
  const { template, parameters } = body.properties;
  return {
    subscriptionId: group.subscriptionId,
    resourceGroup: group.name,
    name,
    template,
    suppliedParameters: parameters,
  };
}

function checkedBody(raw: unknown): DeploymentBody {
  const body = parseBody(deploymentBody, raw, 'deployment');
  if (body.properties.templateLink !== undefined) {
    throw new ArmError(
      400,
      'InvalidTemplate',
      'The fake ARM does not fetch properties.templateLink: send the template inline in properties.template.',
    );
  }
  if (!body.properties.template)
    throw new ArmError(400, 'InvalidTemplate', 'The deployment has no properties.template.');
  return body;
}

function asInvalidTemplate<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof TemplateError)
      throw new ArmError(400, 'InvalidTemplate', `Deployment template validation failed: ${error.message}`);
    throw error;
  }
}

function deploymentId(request: ArmRequest): string {
  const { subscriptionId, resourceGroupName, deploymentName } = request.params;
  return `${resourceGroupId(subscriptionId, resourceGroupName)}/providers/Microsoft.Resources/deployments/${deploymentName}`;
}

function findDeployment(state: ArmState, request: ArmRequest): DeploymentRecord | undefined {
  return state.deployments.get(idKey(deploymentId(request)));
}

/** The deployment, advanced by this read if it is still running (GETs count as polls). */
function requireDeployment(state: ArmState, lro: LongRunningOperations, request: ArmRequest): DeploymentRecord {
  const found = findDeployment(state, request);
  if (!found)
    throw new ArmError(404, 'DeploymentNotFound', `Deployment '${request.params.deploymentName}' could not be found.`);
  if (found.provisioningState === 'Accepted' || found.provisioningState === 'Running') lro.advance(found.operationId);
  return found;
}
