import type { ArmState } from './arm-state';
import { planDeployment } from './deployment-execution';
import { DEPLOYMENT, asInvalidTemplate, checkedBody, deploymentId, targetOf } from './deployment-requests';
import type { ArmResponse } from './http-io';
import type { LongRunningOperations } from './long-running';
import type { ArmRequest, ArmRoute } from './router';

/** validate (synchronous) and what-if (202 + Location): checks and previews that change nothing. */
export function deploymentPreviewRoutes(state: ArmState, lro: LongRunningOperations): ArmRoute[] {
  return [
    { method: 'POST', template: `${DEPLOYMENT}/validate`, handle: (r) => validate(state, r) },
    { method: 'POST', template: `${DEPLOYMENT}/whatIf`, handle: (r) => whatIf(state, lro, r) },
  ];
}

function planFor(state: ArmState, request: ArmRequest) {
  const body = checkedBody(request.body);
  const { subscriptionId, resourceGroupName, deploymentName } = request.params;
  const group = state.requireGroup(subscriptionId, resourceGroupName);
  return { body, plan: asInvalidTemplate(() => planDeployment(state, targetOf(group, deploymentName, body))) };
}

function validate(state: ArmState, request: ArmRequest): ArmResponse {
  const { body, plan } = planFor(state, request);
  const properties = {
    provisioningState: 'Succeeded',
    mode: body.properties.mode,
    parameters: plan.parameters,
    validatedResources: plan.resources.map((r) => ({ id: r.id })),
  };
  const name = request.params.deploymentName;
  return {
    status: 200,
    body: { id: deploymentId(request), name, type: 'Microsoft.Resources/deployments', properties },
  };
}

/** Every declared resource is `Create` when absent and `Modify` when present (no property diff). */
function whatIf(state: ArmState, lro: LongRunningOperations, request: ArmRequest): ArmResponse {
  const { plan } = planFor(state, request);
  const changes = plan.resources.map((r) => ({
    resourceId: r.id,
    changeType: state.resource(r.id) ? 'Modify' : 'Create',
  }));
  const subscriptionId = request.params.subscriptionId;
  const id = lro.begin(subscriptionId, () => ({
    status: 'Succeeded',
    result: { status: 200, body: { status: 'Succeeded', properties: { changes } } },
  }));
  return { status: 202, headers: lro.headersFor(request, subscriptionId, id, 'location') };
}
