import { ArmResourceId } from './resource-id';
import { formatResourceId } from './resource-id.format';
import { parseResourceId } from './resource-id.parser';

/** An id as a value or as text; text is parsed (and may throw the parser's `ValidationError`s). */
export type ResourceIdLike = ArmResourceId | string;

function toId(value: ResourceIdLike): ArmResourceId {
  return typeof value === 'string' ? parseResourceId(value) : value;
}

/**
 * A case-insensitive key for an id: the canonical path, lowercased. Use it for maps, sets and
 * stored lookup fields; never show it to a caller (it loses their casing).
 */
export function resourceIdKey(value: ResourceIdLike): string {
  return formatResourceId(toId(value)).toLowerCase();
}

/**
 * True when both name the same resource: every segment compared ignoring case, keyword spelling
 * (`resourcegroups` vs `resourceGroups`) ignored (arm-rpc.md §1.1).
 */
export function resourceIdsEqual(a: ResourceIdLike, b: ResourceIdLike): boolean {
  return resourceIdKey(a) === resourceIdKey(b);
}

/** Orders ids by their case-insensitive key (a stable order for sorting lists); returns -1, 0 or 1. */
export function compareResourceIds(a: ResourceIdLike, b: ResourceIdLike): number {
  const left = resourceIdKey(a);
  const right = resourceIdKey(b);
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/** True when `candidate` is `ancestor` itself or lies beneath it (a connector under its service, etc.). */
export function isSameOrDescendant(candidate: ResourceIdLike, ancestor: ResourceIdLike): boolean {
  const child = resourceIdKey(candidate);
  const parent = resourceIdKey(ancestor);
  return child === parent || child.startsWith(`${parent}/`);
}
