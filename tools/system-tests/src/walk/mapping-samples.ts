import { HEART_RATE_DEVICE_MAPPING, heartRateFhirMapping } from '@iomt/domain/testing';

/** A valid device mapping (heart rate from `$.heartRate`) and its FHIR mapping. */
export const DEVICE_MAPPING = HEART_RATE_DEVICE_MAPPING;
export const FHIR_MAPPING = heartRateFhirMapping();

/** A device mapping with three problems: no expressions, and `values` that is not a list. */
export const INVALID_DEVICE_MAPPING = {
  templateType: 'CollectionContent',
  template: [{ templateType: 'JsonPathContent', template: { typeName: 'hr', values: 3 } }],
};
