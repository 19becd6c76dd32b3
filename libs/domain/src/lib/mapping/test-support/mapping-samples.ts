/**
 * Realistic, valid mappings in the shape of microsoft/iomt-fhir's docs and samples
 * (docs/Configuration.md, sample/templates/sandbox): a CalculatedContent heart rate with a JMESPath
 * timestamp, a blood pressure panel, and an IoT Hub template; FHIR templates with SampledData,
 * Quantity, components, CodeableConcept and String values.
 */
export const SAMPLE_DEVICE_MAPPING = `{
  "templateType": "CollectionContent",
  "template": [
    {
      "templateType": "CalculatedContent",
      "template": {
        "typeName": "heartrate",
        "typeMatchExpression": "$..[?(@heartRate)]",
        "deviceIdExpression": "$.matchedToken.deviceId",
        "patientIdExpression": "$.matchedToken.patientId",
        "timestampExpression": {
          "value": "fromUnixTimestampMs(matchedToken.endDate)",
          "language": "JmesPath"
        },
        "values": [
          { "required": true, "valueExpression": "$.matchedToken.heartRate", "valueName": "hr" }
        ]
      }
    },
    {
      "templateType": "CalculatedContent",
      "template": {
        "typeName": "bloodpressure",
        "typeMatchExpression": { "value": "$..[?(@systolic && @diastolic)]", "language": "JsonPath" },
        "defaultExpressionLanguage": "JmesPath",
        "deviceIdExpression": "matchedToken.deviceId",
        "patientIdExpression": "matchedToken.patientId",
        "timestampExpression": "matchedToken.endDate",
        "correlationIdExpression": "matchedToken.sessionId",
        "values": [
          { "required": true, "valueExpression": "matchedToken.systolic", "valueName": "systolic" },
          { "required": true, "valueExpression": "matchedToken.diastolic", "valueName": "diastolic" }
        ]
      }
    },
    {
      "templateType": "IotJsonPathContent",
      "template": {
        "typeName": "steps",
        "typeMatchExpression": "$..[?(@Body.steps)]",
        "patientIdExpression": "$.SystemProperties.iothub-connection-device-id",
        "values": [
          { "required": false, "valueExpression": "$.Body.steps", "valueName": "steps" }
        ]
      }
    },
    {
      "templateType": "JsonPathContentTemplate",
      "template": {
        "typeName": "fallevent",
        "typeMatchExpression": "$.Body[?(@.kind == 'fall')]",
        "deviceIdExpression": "$.deviceId",
        "patientIdExpression": "$.patientId",
        "timestampExpression": "$.time",
        "values": [
          { "valueExpression": "$.kind", "valueName": "fall" },
          { "valueExpression": "$.note", "valueName": "note" }
        ]
      }
    }
  ]
}`;

export const SAMPLE_FHIR_MAPPING = `{
  "templateType": "CollectionFhirTemplate",
  "template": [
    {
      "templateType": "CodeValueFhir",
      "template": {
        "typeName": "heartrate",
        "periodInterval": 60,
        "codes": [{ "code": "8867-4", "system": "http://loinc.org", "display": "Heart rate" }],
        "category": [
          {
            "text": "Vital signs",
            "codes": [{ "code": "vital-signs", "system": "http://terminology.hl7.org/CodeSystem/observation-category" }]
          }
        ],
        "value": { "valueType": "SampledData", "valueName": "hr", "defaultPeriod": 5000, "unit": "count/min" }
      }
    },
    {
      "templateType": "CodeValueFhir",
      "template": {
        "typeName": "bloodpressure",
        "periodInterval": "CorrelationId",
        "codes": [{ "code": "85354-9", "system": "http://loinc.org", "display": "Blood pressure panel" }],
        "components": [
          {
            "codes": [{ "code": "8480-6", "system": "http://loinc.org", "display": "Systolic blood pressure" }],
            "value": { "valueType": "Quantity", "valueName": "systolic", "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" }
          },
          {
            "codes": [{ "code": "8462-4", "system": "http://loinc.org", "display": "Diastolic blood pressure" }],
            "value": { "valueType": "Quantity", "valueName": "diastolic", "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" }
          }
        ]
      }
    },
    {
      "templateType": "CodeValueFhirTemplate",
      "template": {
        "typeName": "steps",
        "periodInterval": "Daily",
        "codes": [{ "code": "55423-8", "system": "http://loinc.org", "display": "Number of steps" }],
        "value": { "valueType": "Quantity", "valueName": "steps", "unit": "steps" }
      }
    },
    {
      "templateType": "CodeValueFhir",
      "template": {
        "typeName": "fallevent",
        "codes": [{ "code": "217082002", "system": "http://snomed.info/sct", "display": "Accidental fall" }],
        "components": [
          {
            "codes": [{ "code": "fall", "system": "https://example.org/codes" }],
            "value": {
              "valueType": "CodeableConcept",
              "valueName": "fall",
              "text": "Fall detected",
              "codes": [{ "code": "217082002", "system": "http://snomed.info/sct" }]
            }
          },
          {
            "codes": [{ "code": "note", "system": "https://example.org/codes" }],
            "value": { "valueType": "String", "valueName": "note" }
          }
        ]
      }
    }
  ]
}`;
