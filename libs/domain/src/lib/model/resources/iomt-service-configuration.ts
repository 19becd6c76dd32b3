import { z } from 'zod';
import { caseInsensitiveEnum } from '../validation/enum-schemas';
import { MAX_MAPPING_CONTENT_LENGTH } from './mapping-type';

/** How the connector finds the Patient and Device of a measurement (iomt.md §1.2). */
export const RESOURCE_IDENTITY_RESOLUTION_TYPES = ['Lookup', 'Create', 'LookupWithEncounter'] as const;
export type ResourceIdentityResolutionType = (typeof RESOURCE_IDENTITY_RESOLUTION_TYPES)[number];

/** The seed's default, spelled `"LookUp"`; it is read ignoring case and stored as `Lookup`. */
export const SEED_DEFAULT_RESOURCE_IDENTITY_RESOLUTION_TYPE = 'LookUp';

/** User settings of the connector (seed 004 `IomtServiceConfiguration`). */
export const iomtServiceConfigurationSchema = z.object({
  resourceIdentityResolutionType: caseInsensitiveEnum(RESOURCE_IDENTITY_RESOLUTION_TYPES).prefault(
    SEED_DEFAULT_RESOURCE_IDENTITY_RESOLUTION_TYPE,
  ),
});

/** User settings of the connector: for now only the identity resolution type. */
export type IomtServiceConfiguration = z.output<typeof iomtServiceConfigurationSchema>;

/** The connector's properties (seed 004 `IomtConnectorProperties`). */
export const iomtConnectorPropertiesSchema = z.object({
  /** Always present: the seed's default configuration when none was given. */
  serviceConfiguration: iomtServiceConfigurationSchema.prefault({}),
  /** The device (normalization) mapping JSON last accepted; its content rules live in `mapping/`. */
  deviceMapping: z.string().min(1).max(MAX_MAPPING_CONTENT_LENGTH).optional(),
  /** The FHIR mapping JSON last accepted. */
  fhirMapping: z.string().min(1).max(MAX_MAPPING_CONTENT_LENGTH).optional(),
});

/** The connector's properties: its configuration and its two mappings. */
export type IomtConnectorProperties = z.output<typeof iomtConnectorPropertiesSchema>;
