import { IomtMappingName } from '../../arm/mapping-name';
import { caseInsensitiveEnum } from '../validation/enum-schemas';

/** The two mappings of a connector (`iomtconnectors/{c}/mappings/{mappingType}`), as `arm/` names them. */
export const MAPPING_TYPES = [IomtMappingName.DeviceMapping, IomtMappingName.FhirMapping] as const;
export type MappingType = IomtMappingName;

/** Schema of a mapping type: any casing in, canonical out. */
export const mappingTypeSchema = caseInsensitiveEnum(MAPPING_TYPES);

/**
 * Longest mapping content we store, in characters: a connector holds both mappings, and the
 * pair stays well under Cosmos DB's 2 MB item limit.
 */
export const MAX_MAPPING_CONTENT_LENGTH = 256 * 1024;
