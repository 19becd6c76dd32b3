import { randomUUID } from 'node:crypto';
import { ArmError, type ArmErrorDetail } from './arm-error';
import type { ArmState } from './arm-state';
import type { DeploymentOperationRecord, DeploymentRecord } from './deployment-record';
import { resourceWriteFrom } from './generic-resources';
import type { LroOutcome } from './long-running';
import { idKey, parseResourceId } from './resource-id';
import { resourceView } from './resource-view';
import { type PlannedResource, type TemplatePlan, planTemplate } from './template-plan';

const FAILED_MESSAGE =
  'At least one resource deployment operation failed. Please list deployment operations for details.';

/** Checks a deployment's template and parameters against the current state; throws TemplateError. */
export function planDeployment(
  state: ArmState,
  target: Pick<DeploymentRecord, 'subscriptionId' | 'resourceGroup' | 'name' | 'template' | 'suppliedParameters'>,
): TemplatePlan {
  const group = state.requireGroup(target.subscriptionId, target.resourceGroup);
  return planTemplate(target.template, target.suppliedParameters, {
    subscriptionId: group.subscriptionId,
    resourceGroup: { name: group.name, location: group.location, tags: group.tags },
    deploymentName: target.name,
    listKeys: (id) => state.listKeys(id),
    reference: (id, full) => {
      const record = state.resource(id);
      if (!record) return undefined;
      return full ? resourceView(record) : resourceView(record).properties;
    },
  });
}

/**
 * Carries out a deployment: creates every declared resource first (so `listKeys()` of a sibling
 * resolves), then writes each evaluated body, then evaluates the outputs. The first resource
 * that fails (or an injected failure) ends the deployment `Failed` with `DeploymentFailed`.
 */
export function executeDeployment(state: ArmState, record: DeploymentRecord): LroOutcome {
  record.provisioningState = 'Running';
  let plan: TemplatePlan | undefined;
  const planError = attempt(() => (plan = planDeployment(state, record)));
  if (!plan || planError) return fail(record, planError ?? { code: 'InvalidTemplate', message: 'No plan.' });
  if (record.injectedFailure) {
    const first = plan.resources[0];
    if (first) record.operations.push(operation(first, 'Failed', record.injectedFailure));
    return fail(record, record.injectedFailure);
  }
  const failure = applyResources(state, record, plan);
  if (failure) return failure;
  const outputError = attempt(() => (record.outputs = plan?.outputs()));
  if (outputError) return fail(record, outputError);
  if (record.mode === 'Complete') deleteUndeclared(state, record, plan);
  record.outputResources = plan.resources.map((r) => ({ id: r.id }));
  finish(record, 'Succeeded');
  return { status: 'Succeeded' };
}

function applyResources(state: ArmState, record: DeploymentRecord, plan: TemplatePlan): LroOutcome | undefined {
  for (const resource of plan.resources) {
    const error = attempt(() => state.resource(resource.id) ?? state.write({ id: resource.id, properties: {} }));
    if (error) return failOn(record, resource, error);
  }
  for (const resource of plan.resources) {
    const error = attempt(() => state.write(resourceWriteFrom(resource.id, plan.body(resource))));
    if (error) return failOn(record, resource, error);
    record.operations.push(operation(resource, 'Succeeded'));
  }
  return undefined;
}

/**
 * Complete mode: top-level resources of the group that the template does not declare are
 * deleted (with their children). Children the fake adds by itself (root rules, blob services,
 * job inputs) sit under declared parents and stay.
 */
function deleteUndeclared(state: ArmState, record: DeploymentRecord, plan: TemplatePlan): void {
  const declared = new Set(plan.resources.map((r) => idKey(r.id)));
  const group = state.requireGroup(record.subscriptionId, record.resourceGroup);
  for (const resource of state.list({ under: group.id })) {
    if (!parseResourceId(resource.id)?.parentId && !declared.has(idKey(resource.id))) state.delete(resource.id);
  }
}

function attempt(action: () => unknown): ArmErrorDetail | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof ArmError) return error.toBody().error;
    return { code: 'InvalidTemplate', message: (error as Error).message };
  }
}

function failOn(record: DeploymentRecord, resource: PlannedResource, error: ArmErrorDetail): LroOutcome {
  record.operations.push(operation(resource, 'Failed', error));
  return fail(record, error);
}

function fail(record: DeploymentRecord, cause: ArmErrorDetail): LroOutcome {
  record.error = { code: 'DeploymentFailed', message: FAILED_MESSAGE, details: [cause] };
  finish(record, 'Failed');
  return { status: 'Failed', error: record.error };
}

function finish(record: DeploymentRecord, state: 'Succeeded' | 'Failed'): void {
  record.provisioningState = state;
  record.duration = `PT${((Date.now() - Date.parse(record.timestamp)) / 1000).toFixed(3)}S`;
}

function operation(
  resource: PlannedResource,
  state: 'Succeeded' | 'Failed',
  error?: ArmErrorDetail,
): DeploymentOperationRecord {
  return {
    operationId: randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
    provisioningState: state,
    provisioningOperation: 'Create',
    timestamp: new Date().toISOString(),
    statusCode: state === 'Succeeded' ? 'OK' : 'BadRequest',
    ...(error ? { statusMessage: { error } } : {}),
    targetResource: { id: resource.id, resourceType: resource.type, resourceName: resource.name },
  };
}
