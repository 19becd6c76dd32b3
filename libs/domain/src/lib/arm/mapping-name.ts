import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';

/**
 * The names a connector's mapping can have: `.../iomtconnectors/{c}/mappings/{deviceMapping|fhirMapping}`
 * (ARCHITECTURE.md; the property names `deviceMapping`/`fhirMapping` of seed 004's `IomtConnectorProperties`).
 */
export const IomtMappingName = {
  DeviceMapping: 'deviceMapping',
  FhirMapping: 'fhirMapping',
} as const;

/** `'deviceMapping' | 'fhirMapping'`, in this canonical casing. */
export type IomtMappingName = (typeof IomtMappingName)[keyof typeof IomtMappingName];

const CANONICAL_BY_LOWERCASE: ReadonlyMap<string, IomtMappingName> = new Map(
  Object.values(IomtMappingName).map((name) => [name.toLowerCase(), name]),
);

/** The canonical mapping name for `value` matched case-insensitively, or undefined. */
export function toIomtMappingName(value: unknown): IomtMappingName | undefined {
  return typeof value === 'string' ? CANONICAL_BY_LOWERCASE.get(value.toLowerCase()) : undefined;
}

/**
 * Reads a mapping name case-insensitively and returns its canonical form; anything else throws a
 * `ValidationError` with code `InvalidResourceName`.
 */
export function parseIomtMappingName(value: unknown, target = 'mappingName'): IomtMappingName {
  const name = toIomtMappingName(value);
  if (name === undefined) {
    throw armValidationError(
      ErrorCode.InvalidResourceName,
      `The mapping name ${quoteInput(value)} is invalid. ` +
        `It must be '${IomtMappingName.DeviceMapping}' or '${IomtMappingName.FhirMapping}'.`,
      target,
    );
  }
  return name;
}
