/** A resource id taken apart: where it lives, its full type and its name segments. */
export interface ParsedResourceId {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** `Microsoft.EventHub/namespaces/eventhubs` */
  readonly type: string;
  /** One name per type segment after the namespace: `['ns1', 'devicedata']`. */
  readonly names: readonly string[];
  /** The id of the parent resource (child or extension resources), if any. */
  readonly parentId?: string;
}

const RESOURCE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)(\/providers\/.+)?$/i;

/** `/subscriptions/{s}/resourceGroups/{rg}`, with ARM's casing. */
export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/**
 * Builds the id of a resource from its full type and names (`'ns/hub'` and `['ns', 'hub']`
 * both work). Throws when the name segments do not match the type segments, as ARM does.
 */
export function resourceIdOf(scopeId: string, type: string, names: readonly string[]): string {
  const [namespace, ...types] = type.split('/');
  const flatNames = names.flatMap((name) => name.split('/'));
  if (!namespace || types.length === 0 || types.length !== flatNames.length || flatNames.some((n) => n === '')) {
    throw new Error(
      `The resource type '${type}' has ${types.length} type segment(s) but the name '${flatNames.join('/')}' ` +
        `has ${flatNames.length}: they must match.`,
    );
  }
  const path = types.map((t, i) => `${t}/${flatNames[i]}`).join('/');
  return `${scopeId}/providers/${namespace}/${path}`;
}

/** Parses a resource-group-scoped resource id; `undefined` when it is not one. */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const match = RESOURCE_ID.exec(id.replace(/\/+$/, ''));
  if (!match?.[3]) return undefined;
  const providersAt = id.toLowerCase().lastIndexOf('/providers/');
  const scope = id.slice(0, providersAt);
  const segments = id.slice(providersAt + '/providers/'.length).split('/');
  if (segments.length < 3 || segments.length % 2 === 0) return undefined;
  const [namespace, ...rest] = segments;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  const parentId =
    names.length > 1 ? id.slice(0, id.lastIndexOf('/', id.lastIndexOf('/') - 1)) : scopeParent(scope, match);
  return {
    subscriptionId: match[1],
    resourceGroup: match[2],
    type: [namespace, ...types].join('/'),
    names,
    ...(parentId ? { parentId } : {}),
  };
}

/** An extension resource (e.g. a role assignment on a hub) has the resource it extends as parent. */
function scopeParent(scope: string, match: RegExpExecArray): string | undefined {
  return scope.length > resourceGroupId(match[1], match[2]).length ? scope : undefined;
}

/** The key under which ids are stored: ARM ids compare case-insensitively. */
export function idKey(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
}
