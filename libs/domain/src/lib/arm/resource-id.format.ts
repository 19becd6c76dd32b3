import { ErrorCode } from '../errors';
import { armValidationError } from './arm-error';
import { ArmResourceId, validateArmResourceId } from './resource-id';

/**
 * Writes an id back as a path. Keywords come out in ARM's canonical casing (`subscriptions`,
 * `resourceGroups`, `providers`); the subscription id, resource group, namespace, types and names
 * keep the casing they were parsed or built with.
 */
export function formatResourceId(id: ArmResourceId): string {
  let path = `/subscriptions/${id.subscriptionId}`;
  if (id.resourceGroupName !== undefined) path += `/resourceGroups/${id.resourceGroupName}`;
  if (id.providerNamespace !== undefined && id.resources.length > 0) {
    path += `/providers/${id.providerNamespace}`;
    for (const { type, name } of id.resources) path += `/${type}/${name}`;
  }
  return path;
}

/**
 * The id of the resource one level up: a connector's FHIR service, a service's resource group, a
 * resource group's subscription. A subscription has no parent: that throws `InvalidResourceId`.
 */
export function parentResourceId(id: ArmResourceId): ArmResourceId {
  if (id.resources.length > 1) return { ...id, resources: id.resources.slice(0, -1) };
  if (id.resources.length === 1) {
    const { subscriptionId, resourceGroupName } = id;
    return { subscriptionId, ...(resourceGroupName === undefined ? {} : { resourceGroupName }), resources: [] };
  }
  if (id.resourceGroupName !== undefined) return { subscriptionId: id.subscriptionId, resources: [] };
  throw armValidationError(ErrorCode.InvalidResourceId, 'A subscription id has no parent.', 'id');
}

/**
 * The id of a child resource of `parent`, validated with ARM's generic rules. Starting from a
 * subscription or resource group, pass the namespace too.
 */
export function childResourceId(
  parent: ArmResourceId,
  type: string,
  name: string,
  providerNamespace?: string,
): ArmResourceId {
  const namespace = parent.providerNamespace ?? providerNamespace;
  return validateArmResourceId({
    ...parent,
    ...(namespace === undefined ? {} : { providerNamespace: namespace }),
    resources: [...parent.resources, { type, name }],
  });
}
