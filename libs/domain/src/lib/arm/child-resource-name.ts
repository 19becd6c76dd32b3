import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';
import { ArmResourceId } from './resource-id';

/**
 * Separator of a child resource's stored `name`: seed 004 says ARM names a child
 * 'ParentResourceName\ChildResourceName', and that name is unique for a given parent and type.
 */
export const CHILD_NAME_SEPARATOR = '\\';

/**
 * Joins resource names outermost first: `['fhir1', 'conn1']` → `fhir1\conn1`. A part that is empty
 * or contains the separator throws `InvalidResourceName` (ARM forbids `\` in names anyway).
 */
export function formatChildResourceName(names: readonly string[]): string {
  if (names.length === 0) {
    throw armValidationError(ErrorCode.InvalidResourceName, 'A child resource name needs at least one part.', 'name');
  }
  for (const part of names) {
    if (part.length === 0 || part.includes(CHILD_NAME_SEPARATOR)) {
      throw armValidationError(
        ErrorCode.InvalidResourceName,
        `The name part ${quoteInput(part)} is empty or contains '${CHILD_NAME_SEPARATOR}'.`,
        'name',
      );
    }
  }
  return names.join(CHILD_NAME_SEPARATOR);
}

/**
 * Splits a stored child name back into its parts, outermost first. With `expectedParts` the count
 * must match (a connector name has 2 parts, a connection or mapping name 3).
 */
export function parseChildResourceName(name: unknown, expectedParts?: number): string[] {
  const parts = typeof name === 'string' ? name.split(CHILD_NAME_SEPARATOR) : [];
  const badPart = parts.length === 0 || parts.some((part) => part.length === 0);
  if (badPart || (expectedParts !== undefined && parts.length !== expectedParts)) {
    const shape = expectedParts === undefined ? 'non-empty parts' : `${expectedParts} non-empty parts`;
    throw armValidationError(
      ErrorCode.InvalidResourceName,
      `The child resource name ${quoteInput(name)} must be ${shape} separated by '${CHILD_NAME_SEPARATOR}'.`,
      'name',
    );
  }
  return parts;
}

/** The stored name of the resource an id points at: its names joined by `\` (`fhir1\conn1`). */
export function childResourceNameOf(id: ArmResourceId): string {
  return formatChildResourceName(id.resources.map((segment) => segment.name));
}

/** The parent's stored name: every part but the last (`fhir1\conn1\dev` → `fhir1\conn1`). */
export function parentChildResourceName(name: string): string {
  const parts = parseChildResourceName(name);
  if (parts.length < 2) {
    throw armValidationError(ErrorCode.InvalidResourceName, `The name ${quoteInput(name)} has no parent part.`, 'name');
  }
  return formatChildResourceName(parts.slice(0, -1));
}
