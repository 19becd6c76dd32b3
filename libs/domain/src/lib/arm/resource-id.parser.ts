import { ErrorCode, ValidationError } from '../errors';
import { armValidationError, quoteInput } from './arm-error';
import { ArmResourceId, ArmResourceSegment, validateArmResourceId } from './resource-id';

/** A malformed-id error that quotes the whole id and says what is wrong with it. */
function malformed(text: unknown, reason: string): ValidationError {
  const message = `The resource id ${quoteInput(text)} is malformed: ${reason}.`;
  return armValidationError(ErrorCode.InvalidResourceId, message, 'id');
}

/** Equal ignoring case: ARM matches every literal segment case-insensitively (arm-rpc.md §1.1). */
function isKeyword(segment: string | undefined, keyword: string): boolean {
  return segment !== undefined && segment.toLowerCase() === keyword.toLowerCase();
}

/** Splits `/a/b/c` into `['a','b','c']`, rejecting a missing leading slash and empty segments. */
function splitPath(text: unknown): string[] {
  if (typeof text !== 'string' || text.length === 0) throw malformed(text, 'it is empty');
  if (!text.startsWith('/')) throw malformed(text, "it must start with '/subscriptions/'");
  const segments = text.slice(1).split('/');
  if (segments.some((segment) => segment.length === 0)) {
    throw malformed(text, 'it has an empty segment (a doubled or trailing slash)');
  }
  return segments;
}

/** Reads the `{type}/{name}` pairs after the namespace. */
function readResourceChain(text: string, rest: readonly string[]): ArmResourceSegment[] {
  if (rest.length === 0) throw malformed(text, 'the provider namespace is not followed by a resource type and name');
  if (rest.length % 2 === 1) {
    throw malformed(text, `the resource type '${rest[rest.length - 1]}' has no name`);
  }
  const chain: ArmResourceSegment[] = [];
  for (let i = 0; i < rest.length; i += 2) chain.push({ type: rest[i], name: rest[i + 1] });
  return chain;
}

/**
 * Parses an ARM resource id (a URL path without query string) into an `ArmResourceId`:
 * subscription and resource group scopes, resources in a resource group, and provider-level
 * resources directly under a subscription. Keywords (`subscriptions`, `resourceGroups`,
 * `providers`) match in any case; every name, the namespace and the types keep the caller's casing.
 *
 * Errors are `ValidationError`s: `InvalidResourceId` for the shape, `InvalidSubscriptionId`,
 * `InvalidResourceGroupName`, `InvalidResourceNamespace`, `InvalidResourceType`, `InvalidResourceName`.
 */
export function parseResourceId(text: unknown): ArmResourceId {
  const segments = splitPath(text);
  const path = text as string;
  if (!isKeyword(segments[0], 'subscriptions')) throw malformed(path, "it must start with '/subscriptions/'");
  if (segments.length < 2) throw malformed(path, 'the subscription id is missing');
  let index = 2;
  let resourceGroupName: string | undefined;
  if (isKeyword(segments[index], 'resourceGroups')) {
    if (segments.length < index + 2) throw malformed(path, 'the resource group name is missing');
    resourceGroupName = segments[index + 1];
    index += 2;
  }
  let providerNamespace: string | undefined;
  let resources: ArmResourceSegment[] = [];
  if (index < segments.length) {
    if (!isKeyword(segments[index], 'providers')) {
      throw malformed(path, `'${segments[index]}' is not expected here; 'resourceGroups' or 'providers' is`);
    }
    if (segments.length < index + 2) throw malformed(path, 'the provider namespace is missing');
    providerNamespace = segments[index + 1];
    resources = readResourceChain(path, segments.slice(index + 2));
  }
  return validateArmResourceId({
    subscriptionId: segments[1],
    ...(resourceGroupName === undefined ? {} : { resourceGroupName }),
    ...(providerNamespace === undefined ? {} : { providerNamespace }),
    resources,
  });
}

/** Like `parseResourceId`, but returns undefined instead of throwing. */
export function tryParseResourceId(text: unknown): ArmResourceId | undefined {
  try {
    return parseResourceId(text);
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
}
