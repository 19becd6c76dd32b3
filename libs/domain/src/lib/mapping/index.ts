export * from './mapping-problem';
export type { DeviceMappingOptions } from './device-template.rules';
export { validateDeviceMapping } from './validate-device-mapping';
export { validateFhirMapping } from './validate-fhir-mapping';
export type { MappingsToValidate } from './validate-mappings';
export { validateMappings } from './validate-mappings';
export * from './mapping-validation-error';
export type { DeviceEventResult, Measurement, NormalizationResult } from './device-event-normalizer';
export { NO_MEASUREMENTS, normalizeDeviceEvents } from './device-event-normalizer';
