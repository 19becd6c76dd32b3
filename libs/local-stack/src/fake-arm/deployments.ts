import { randomUUID } from 'node:crypto';
import { ArmError } from './arm-error';
import type { ArmState } from './arm-state';
import { executeDeployment, planDeployment } from './deployment-execution';
import { deploymentPreviewRoutes } from './deployment-previews';
import { type DeploymentRecord, deploymentOperationView, deploymentView } from './deployment-record';
import {
  DEPLOYMENT,
  GROUP,
  OPERATIONS,
  asInvalidTemplate,
  checkedBody,
  deploymentId,
  findDeployment,
  isActive,
  requireDeployment,
  targetOf,
} from './deployment-requests';
import type { FaultInjector } from './faults';
import type { ArmResponse } from './http-io';
import type { LongRunningOperations } from './long-running';
import { idKey } from './resource-id';
import type { ArmRequest, ArmRoute } from './router';

/** Template deployments: create (long-running), get, check, delete, list, validate, what-if, operations. */
export function deploymentRoutes(state: ArmState, lro: LongRunningOperations, faults: FaultInjector): ArmRoute[] {
  const view = (r: ArmRequest): ArmResponse => ({
    status: 200,
    body: deploymentView(requireDeployment(state, lro, r)),
  });
  return [
    { method: 'PUT', template: DEPLOYMENT, handle: (r) => putDeployment(state, lro, faults, r) },
    { method: 'GET', template: DEPLOYMENT, handle: view },
    { method: 'HEAD', template: DEPLOYMENT, handle: (r) => ({ status: findDeployment(state, r) ? 204 : 404 }) },
    {
      method: 'DELETE',
      template: DEPLOYMENT,
      handle: (r) => ({ status: state.deployments.delete(idKey(deploymentId(r))) ? 200 : 204 }),
    },
    { method: 'GET', template: `${GROUP}/providers/Microsoft.Resources/deployments`, handle: (r) => list(state, r) },
    ...deploymentPreviewRoutes(state, lro),
    ...operationRoutes(state, lro),
  ];
}

function putDeployment(state: ArmState, lro: LongRunningOperations, faults: FaultInjector, request: ArmRequest) {
  const { subscriptionId, resourceGroupName, deploymentName } = request.params;
  const group = state.requireGroup(subscriptionId, resourceGroupName);
  const existing = findDeployment(state, request);
  if (existing && isActive(existing)) {
    const message = `The deployment '${deploymentName}' is already running in resource group '${group.name}'. Wait until it completes.`;
    throw new ArmError(409, 'DeploymentActive', message);
  }
  const body = checkedBody(request.body);
  const target = targetOf(group, deploymentName, body);
  const plan = asInvalidTemplate(() => planDeployment(state, target));
  const injectedFailure = faults.deploymentFailure(deploymentName);
  const record: DeploymentRecord = {
    ...target,
    id: deploymentId(request),
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
  const headers = lro.headersFor(request, group.subscriptionId, record.operationId, 'async');
  return { status: 201, body: deploymentView(record), headers };
}

function list(state: ArmState, request: ArmRequest): ArmResponse {
  const group = state.requireGroup(request.params.subscriptionId, request.params.resourceGroupName);
  const inGroup = [...state.deployments.values()].filter((d) => idKey(d.id).startsWith(`${idKey(group.id)}/`));
  return { status: 200, body: { value: inGroup.map(deploymentView) } };
}

/** `deployments/{name}/operations` (both the SDK's path and the providers form) and one operation. */
function operationRoutes(state: ArmState, lro: LongRunningOperations): ArmRoute[] {
  const operations = (r: ArmRequest): ArmResponse => {
    const deployment = requireDeployment(state, lro, r);
    return { status: 200, body: { value: deployment.operations.map((o) => deploymentOperationView(deployment, o)) } };
  };
  const operation = (r: ArmRequest): ArmResponse => {
    const deployment = requireDeployment(state, lro, r);
    const wanted = r.params.operationId.toLowerCase();
    const found = deployment.operations.find((o) => o.operationId.toLowerCase() === wanted);
    if (!found) {
      const message = `Operation '${r.params.operationId}' of deployment '${deployment.name}' could not be found.`;
      throw new ArmError(404, 'DeploymentOperationNotFound', message);
    }
    return { status: 200, body: deploymentOperationView(deployment, found) };
  };
  return [
    { method: 'GET', template: OPERATIONS, handle: operations },
    { method: 'GET', template: `${DEPLOYMENT}/operations`, handle: operations },
    { method: 'GET', template: `${OPERATIONS}/{operationId}`, handle: operation },
  ];
}
