import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';
import { assertResourceGroupName } from './resource-group-name';
import { ARM_RESOURCE_NAME, assertName } from './resource-name.rules';
import { assertSubscriptionId } from './subscription-id';

/** One `{type}/{name}` pair of a resource id, in the caller's casing. */
export interface ArmResourceSegment {
  readonly type: string;
  readonly name: string;
}

/**
 * An ARM resource id as a value. Every part keeps the casing the caller used; comparisons go through
 * `resource-id.compare.ts`, which ignores case.
 *
 * - subscription scope: `/subscriptions/{subscriptionId}`
 * - resource group scope: `.../resourceGroups/{resourceGroupName}`
 * - resource: `[...]/providers/{providerNamespace}/{type}/{name}[/{type}/{name}...]`, with or
 *   without a resource group (provider-level paths such as `locations/{loc}/operationresults/{id}`).
 */
export interface ArmResourceId {
  readonly subscriptionId: string;
  readonly resourceGroupName?: string;
  /** Present exactly when `resources` is not empty. */
  readonly providerNamespace?: string;
  /** The type/name chain, outermost first: `[{services, fhir1}, {iomtconnectors, conn1}]`. */
  readonly resources: readonly ArmResourceSegment[];
}

/** What an id points at. */
export type ArmScope = 'subscription' | 'resourceGroup' | 'resource';

/** `Microsoft.HealthcareApis`-style namespace: dot-separated alphanumeric words. */
const NAMESPACE_PATTERN = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+$/i;

/** A resource type segment such as `services` or `operationresults`. */
const RESOURCE_TYPE_SEGMENT_PATTERN = /^[a-z][a-z0-9]*$/i;

/** The scope an id points at. */
export function scopeOf(id: ArmResourceId): ArmScope {
  if (id.resources.length > 0) return 'resource';
  return id.resourceGroupName === undefined ? 'subscription' : 'resourceGroup';
}

/**
 * The resource type chain without the namespace: `services/iomtconnectors` (caller's casing), or
 * undefined for a subscription or resource group id.
 */
export function resourceTypeName(id: ArmResourceId): string | undefined {
  return id.resources.length === 0 ? undefined : id.resources.map((segment) => segment.type).join('/');
}

/** The ARM `type` of a resource: `Microsoft.HealthcareApis/services/iomtconnectors`. */
export function qualifiedTypeOf(id: ArmResourceId): string | undefined {
  const chain = resourceTypeName(id);
  return chain === undefined ? undefined : `${id.providerNamespace}/${chain}`;
}

/** The last name of the id: the resource's own name, else the resource group or subscription id. */
export function leafName(id: ArmResourceId): string {
  return id.resources.at(-1)?.name ?? id.resourceGroupName ?? id.subscriptionId;
}

/** Checks a provider namespace, throwing `InvalidResourceNamespace`. */
export function assertProviderNamespace(value: unknown): string {
  if (typeof value !== 'string' || !NAMESPACE_PATTERN.test(value)) {
    throw armValidationError(
      ErrorCode.InvalidResourceNamespace,
      `The resource namespace ${quoteInput(value)} is invalid.`,
      'providerNamespace',
    );
  }
  return value;
}

/** Checks one resource type segment, throwing `InvalidResourceType`. */
export function assertResourceTypeSegment(value: unknown): string {
  if (typeof value !== 'string' || !RESOURCE_TYPE_SEGMENT_PATTERN.test(value)) {
    throw armValidationError(ErrorCode.InvalidResourceType, `The resource type ${quoteInput(value)} is invalid.`, 'type');
  }
  if (value.toLowerCase() === 'providers') {
    // `/providers/` after a resource marks an extension resource (locks, role assignments…).
    throw armValidationError(
      ErrorCode.InvalidResourceId,
      'Extension resources (a nested /providers/ segment) are not supported here.',
      'id',
    );
  }
  return value;
}

/**
 * Checks every part of an id against ARM's generic rules (subscription GUID, resource group name,
 * namespace, type segments, ARM's name floor) and its shape; returns it unchanged. Resource-type
 * specific name rules are applied by `toHealthcareResourceId`.
 */
export function validateArmResourceId(id: ArmResourceId): ArmResourceId {
  assertSubscriptionId(id.subscriptionId);
  if (id.resourceGroupName !== undefined) assertResourceGroupName(id.resourceGroupName);
  if ((id.providerNamespace === undefined) !== (id.resources.length === 0)) {
    throw armValidationError(
      ErrorCode.InvalidResourceId,
      'A resource id names a provider namespace exactly when it names at least one resource.',
      'id',
    );
  }
  if (id.providerNamespace !== undefined) assertProviderNamespace(id.providerNamespace);
  for (const segment of id.resources) {
    assertResourceTypeSegment(segment.type);
    assertName(ARM_RESOURCE_NAME, segment.name);
  }
  return id;
}
