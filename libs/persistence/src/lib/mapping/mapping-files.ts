import type { MappingType } from '@iomt/domain';

/**
 * The blob each mapping is stored in, as the connector's functions read them (app settings
 * `Template:DeviceContent` and `Template:FhirMapping`, iomt.md §1).
 */
export const MAPPING_FILE_NAMES: Readonly<Record<MappingType, string>> = {
  deviceMapping: 'devicecontent.json',
  fhirMapping: 'fhirmapping.json',
};
