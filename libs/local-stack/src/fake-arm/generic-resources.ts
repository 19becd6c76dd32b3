import { z } from 'zod';
import { ArmError } from './arm-error';
import type { ArmState, ResourceWrite } from './arm-state';
import { parseBody } from './body-schema';
import type { ArmResponse } from './http-io';
import { mergePatch } from './json-merge';
import { parseResourceId, resourceGroupId } from './resource-id';
import { resourceView } from './resource-view';
import type { ArmRequest, ArmRoute } from './router';

const PROVIDER_PATH = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{resourcePath*}';

const resourceBody = z.looseObject({
  location: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  kind: z.string().optional(),
  sku: z.unknown().optional(),
  identity: z.unknown().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

/** The stored form of a resource body (PUT, or a template resource after evaluation). */
export function resourceWriteFrom(id: string, body: unknown): ResourceWrite {
  const parsed = parseBody(resourceBody, body ?? {}, 'resource definition');
  const { location, tags, kind, sku, identity, properties } = parsed;
  return { id, location, tags, kind, sku, identity, properties: structuredClone(properties ?? {}) };
}

/**
 * Any resource under a resource group, by its id: PUT, GET, HEAD, PATCH (merge patch), DELETE,
 * and GET of a child collection. Type-specific behaviour comes from the state's behaviours;
 * these routes go last so that specific routes win.
 */
export function genericResourceRoutes(state: ArmState): ArmRoute[] {
  const route = (method: string, handle: (r: ArmRequest) => ArmResponse): ArmRoute => ({
    method,
    template: PROVIDER_PATH,
    handle,
    label: (params) => `${PROVIDER_PATH.replace('{resourcePath*}', typeLabel(params.resourcePath))}`,
  });
  return [
    // 200 on create too: several SDK operations (e.g. Event Hubs eventHubs.createOrUpdate) accept only 200.
    route('PUT', (r) => ({
      status: 200,
      body: resourceView(state.write(resourceWriteFrom(resourceIdOf(r), r.body)).record),
    })),
    route('GET', (r) =>
      isCollection(r)
        ? listChildren(state, r)
        : { status: 200, body: resourceView(state.requireResource(resourceIdOf(r))) },
    ),
    route('HEAD', (r) => ({ status: state.resource(resourceIdOf(r)) ? 204 : 404 })),
    route('PATCH', (r) => {
      const existing = state.requireResource(resourceIdOf(r));
      const merged = mergePatch(
        resourceView(existing) as unknown as Record<string, unknown>,
        parseBody(resourceBody, r.body, 'resource patch'),
      );
      return { status: 200, body: resourceView(state.write(resourceWriteFrom(existing.id, merged)).record) };
    }),
    route('DELETE', (r) => ({ status: state.delete(resourceIdOf(r)) ? 200 : 204 })),
    route('POST', (r) => {
      throw new ArmError(404, 'NotFound', `The fake ARM does not implement the action '${r.path}'.`);
    }),
  ];
}

function resourceIdOf(request: ArmRequest): string {
  const { subscriptionId, resourceGroupName, resourcePath } = request.params;
  const id = `${resourceGroupId(subscriptionId, resourceGroupName)}/providers/${resourcePath.replace(/\/+$/, '')}`;
  if (!parseResourceId(id)) {
    throw new ArmError(
      400,
      'InvalidResourceId',
      `'${id}' is not a resource id: expected providers/{namespace}/{type}/{name}[/{type}/{name}...].`,
    );
  }
  return id;
}

function isCollection(request: ArmRequest): boolean {
  const segments = request.params.resourcePath.replace(/\/+$/, '').split('/');
  return segments.length >= 2 && segments.length % 2 === 0;
}

function listChildren(state: ArmState, request: ArmRequest): ArmResponse {
  const { subscriptionId, resourceGroupName, resourcePath } = request.params;
  const segments = resourcePath.replace(/\/+$/, '').split('/');
  const group = state.requireGroup(subscriptionId, resourceGroupName);
  const parent = segments.length > 2 ? `${group.id}/providers/${segments.slice(0, -1).join('/')}` : group.id;
  if (segments.length > 2) state.requireResource(parent);
  const type = [segments[0], ...segments.slice(1).filter((_, i) => i % 2 === 0)].join('/');
  const children = state.list({ under: parent, type });
  return { status: 200, body: { value: children.map(resourceView) } };
}

/** `Microsoft.EventHub/namespaces/ns1/eventhubs/hub` → `Microsoft.EventHub/namespaces/{name}/eventhubs/{name}`. */
function typeLabel(resourcePath: string): string {
  return resourcePath
    .replace(/\/+$/, '')
    .split('/')
    .map((segment, i) => (i > 0 && i % 2 === 0 ? '{name}' : segment))
    .join('/');
}
