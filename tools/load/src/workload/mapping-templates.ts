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

/** The FHIR mapping that goes with {@link DEVICE_MAPPING}; `periodInterval` varies so updates change something. */
export function fhirMapping(periodInterval: number) {
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
