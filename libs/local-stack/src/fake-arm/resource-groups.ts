import { z } from 'zod';
import { ArmError, resourceGroupNotFound } from './arm-error';
import type { ArmResourceRecord, ArmState, ResourceGroupRecord } from './arm-state';
import { parseBody } from './body-schema';
import type { ArmResponse } from './http-io';
import type { LongRunningOperations } from './long-running';
import { resourceView } from './resource-view';
import type { ArmRequest, ArmRoute } from './router';

const GROUP = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
const GROUP_NAME = /^[-\w._()]{1,90}$/;

const groupBody = z.object({
  location: z.string().min(1),
  tags: z.record(z.string(), z.string()).optional(),
});
const groupPatch = z.object({ tags: z.record(z.string(), z.string()).optional() });

/** Resource groups: create/update, get, check existence, patch, list, delete (long-running). */
export function resourceGroupRoutes(state: ArmState, lro: LongRunningOperations): ArmRoute[] {
  return [
    { method: 'PUT', template: GROUP, handle: (r) => putGroup(state, r) },
    { method: 'GET', template: GROUP, handle: (r) => ok(requireGroup(state, r)) },
    { method: 'HEAD', template: GROUP, handle: (r) => ({ status: findGroup(state, r) ? 204 : 404 }) },
    { method: 'PATCH', template: GROUP, handle: (r) => patchGroup(state, r) },
    { method: 'DELETE', template: GROUP, handle: (r) => deleteGroup(state, lro, r) },
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/resourcegroups',
      handle: (r) => ({ status: 200, body: { value: state.listGroups(r.params.subscriptionId).map(groupView) } }),
    },
    {
      method: 'GET',
      template: `${GROUP}/resources`,
      handle: (r) => {
        const group = requireGroup(state, r);
        const resources: ArmResourceRecord[] = state.list({ under: group.id });
        return { status: 200, body: { value: resources.map(resourceView) } };
      },
    },
  ];
}

/** The JSON ARM returns for a group. */
export function groupView(group: ResourceGroupRecord) {
  const { id, name, location, tags, provisioningState } = group;
  return { id, name, type: 'Microsoft.Resources/resourceGroups', location, tags, properties: { provisioningState } };
}

function putGroup(state: ArmState, request: ArmRequest): ArmResponse {
  const { subscriptionId, resourceGroupName } = request.params;
  if (!GROUP_NAME.test(resourceGroupName) || resourceGroupName.endsWith('.')) {
    throw new ArmError(
      400,
      'InvalidResourceGroupName',
      `'${resourceGroupName}' is not a valid resource group name: use 1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'.`,
    );
  }
  if (findGroup(state, request)?.provisioningState === 'Deleting') {
    throw new ArmError(
      409,
      'ResourceGroupBeingDeleted',
      `The resource group '${resourceGroupName}' is in deprovisioning state and cannot perform this operation.`,
    );
  }
  if ((request.body as { location?: unknown } | undefined)?.location === undefined) {
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  }
  const body = parseBody(groupBody, request.body, 'resource group');
  const { record, created } = state.putGroup(subscriptionId, resourceGroupName, body.location, body.tags ?? {});
  return { status: created ? 201 : 200, body: groupView(record) };
}

function patchGroup(state: ArmState, request: ArmRequest): ArmResponse {
  const group = requireGroup(state, request);
  const body = parseBody(groupPatch, request.body, 'resource group patch');
  if (body.tags) group.tags = body.tags;
  return ok(group);
}

function deleteGroup(state: ArmState, lro: LongRunningOperations, request: ArmRequest): ArmResponse {
  const group = requireGroup(state, request);
  group.provisioningState = 'Deleting';
  const id = lro.begin(group.subscriptionId, () => {
    state.deleteGroup(group.subscriptionId, group.name);
    return { status: 'Succeeded', result: { status: 200 } };
  });
  return {
    status: 202,
    headers: lro.headersFor(request, group.subscriptionId, id, 'location'),
  };
}

function findGroup(state: ArmState, request: ArmRequest): ResourceGroupRecord | undefined {
  return state.group(request.params.subscriptionId, request.params.resourceGroupName);
}

function requireGroup(state: ArmState, request: ArmRequest): ResourceGroupRecord {
  const group = findGroup(state, request);
  if (!group) throw resourceGroupNotFound(request.params.resourceGroupName);
  return group;
}

function ok(group: ResourceGroupRecord): ArmResponse {
  return { status: 200, body: groupView(group) };
}
