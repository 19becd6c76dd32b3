/**
 * A valid pair of MedTech mappings as the iomt-fhir samples write them: the device mapping reads a
 * heart rate from `$.heartRate` and the FHIR mapping turns it into a LOINC 8867-4 observation.
 * Tests, the demo and the load tool share it, so that what "a valid mapping" is lives in one place.
 */
export const HEART_RATE_DEVICE_MAPPING = {
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

/** The FHIR mapping that goes with {@link HEART_RATE_DEVICE_MAPPING}; vary `periodInterval` to make an update change something. */
export function heartRateFhirMapping(periodInterval = 60) {
  return {
    templateType: 'CollectionFhir',
    template: [
      {
        templateType: 'CodeValueFhir',
        template: {
          codes: [{ code: '8867-4', system: 'http://loinc.org', display: 'Heart rate' }],
          periodInterval,
          typeName: 'heartrate',
          value: { defaultPeriod: 5000, unit: 'count/min', valueName: 'hr', valueType: 'SampledData' },
        },
      },
    ],
  };
}
