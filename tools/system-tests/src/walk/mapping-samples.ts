/** A device mapping as the iomt-fhir samples write it: heart rate from `$.heartRate`. */
export const DEVICE_MAPPING = {
  templateType: 'CollectionContent',
  template: [
    {
      templateType: 'JsonPathContent',
      template: {
        typeName: 'heartrate',
        typeMatchExpression: '$..[?(@heartRate)]',
        deviceIdExpression: '$.deviceId',
        timestampExpression: '$.endDate',
        values: [{ required: true, valueExpression: '$.heartRate', valueName: 'hr' }],
      },
    },
  ],
};

/** The FHIR mapping that goes with {@link DEVICE_MAPPING}. */
export const FHIR_MAPPING = {
  templateType: 'CollectionFhir',
  template: [
    {
      templateType: 'CodeValueFhir',
      template: {
        codes: [{ code: '8867-4', system: 'http://loinc.org', display: 'Heart rate' }],
        periodInterval: 60,
        typeName: 'heartrate',
        value: { defaultPeriod: 5000, unit: 'count/min', valueName: 'hr', valueType: 'SampledData' },
      },
    },
  ],
};

/** A device mapping with three problems: no expressions, and `values` that is not a list. */
export const INVALID_DEVICE_MAPPING = {
  templateType: 'CollectionContent',
  template: [{ templateType: 'JsonPathContent', template: { typeName: 'hr', values: 3 } }],
};
