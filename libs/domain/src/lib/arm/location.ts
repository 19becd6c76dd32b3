import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';
import { AZURE_LOCATION_DISPLAY_NAMES } from './azure-locations';

/** A normalised location: lowercase letters then letters or digits ("westus2", "eastus2euap"). */
const NORMALISED_LOCATION_PATTERN = /^[a-z][a-z0-9]{1,63}$/;

/**
 * The programmatic form of a location: case and whitespace ignored, so "West US 2", "westus2" and
 * "WestUS2" are all "westus2" (arm-rpc.md §1.14). Input that is not a location gives undefined.
 */
export function normalizeLocation(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const normalised = value.replace(/\s+/g, '').toLowerCase();
  return NORMALISED_LOCATION_PATTERN.test(normalised) ? normalised : undefined;
}

/**
 * Normalises a location or throws a `ValidationError` with ARM code `InvalidLocation`. Whether the
 * service is offered in that region is configuration; this only checks the shape.
 */
export function assertLocation(value: unknown, target = 'location'): string {
  const normalised = normalizeLocation(value);
  if (normalised === undefined) {
    throw armValidationError(ErrorCode.InvalidLocation, `The location ${quoteInput(value)} is invalid.`, target);
  }
  return normalised;
}

/** True when both values name the same location, ignoring case and whitespace. */
export function locationsEqual(a: unknown, b: unknown): boolean {
  const left = normalizeLocation(a);
  return left !== undefined && left === normalizeLocation(b);
}

/** "westus2" or "West US 2" → "West US 2"; undefined for a region missing from the table. */
export function locationDisplayName(value: unknown): string | undefined {
  const normalised = normalizeLocation(value);
  // hasOwn: "constructor" is a well-formed location name, and must not find Object.prototype's.
  return normalised !== undefined && Object.hasOwn(AZURE_LOCATION_DISPLAY_NAMES, normalised)
    ? AZURE_LOCATION_DISPLAY_NAMES[normalised]
    : undefined;
}

/** True when the location is a public Azure region we know by name. */
export function isKnownAzureLocation(value: unknown): boolean {
  return locationDisplayName(value) !== undefined;
}
