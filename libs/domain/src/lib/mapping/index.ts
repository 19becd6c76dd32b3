export * from './mapping-problem';
export { DeviceMappingOptions } from './device-template.rules';
export { validateDeviceMapping } from './validate-device-mapping';
export { validateFhirMapping } from './validate-fhir-mapping';
export { MappingsToValidate, validateMappings } from './validate-mappings';
export * from './mapping-validation-error';
