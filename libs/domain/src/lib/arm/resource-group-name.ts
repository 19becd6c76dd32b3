import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';

/** ARM's limit on resource group names (arm-rpc.md §1.1; healthcare-apis.json `resourceGroupName`). */
export const RESOURCE_GROUP_NAME_MAX_LENGTH = 90;

/**
 * Letters and digits (any script, as .NET's `\w` in the public swagger pattern `^[-\w\._\(\)]+$`),
 * underscore, hyphen, period and parentheses.
 */
const RESOURCE_GROUP_NAME_PATTERN = /^[-\p{L}\p{Nd}_.()]+$/u;

/** The reason `value` is not a resource group name, or undefined when it is one. */
function resourceGroupNameProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'it is empty';
  if ([...value].length > RESOURCE_GROUP_NAME_MAX_LENGTH) {
    return `it is longer than ${RESOURCE_GROUP_NAME_MAX_LENGTH} characters`;
  }
  if (!RESOURCE_GROUP_NAME_PATTERN.test(value)) {
    return 'only letters, digits, underscores, hyphens, periods and parentheses are allowed';
  }
  if (value.endsWith('.')) return 'it must not end with a period';
  return undefined;
}

/** True when `value` follows ARM's resource group name rules. */
export function isResourceGroupName(value: unknown): value is string {
  return resourceGroupNameProblem(value) === undefined;
}

/**
 * Returns `value` unchanged (casing kept) when it is a valid resource group name; otherwise throws a
 * `ValidationError` with code `InvalidResourceGroupName` saying which rule it breaks.
 */
export function assertResourceGroupName(value: unknown): string {
  const problem = resourceGroupNameProblem(value);
  if (problem !== undefined) {
    throw armValidationError(
      ErrorCode.InvalidResourceGroupName,
      `The resource group name ${quoteInput(value)} is invalid: ${problem}.`,
      'resourceGroupName',
    );
  }
  return value as string;
}
