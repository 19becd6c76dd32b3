import { HEART_RATE_DEVICE_MAPPING, heartRateFhirMapping } from '@iomt/domain/testing';

/** A valid device mapping (heart rate from `$.heartRate`) and its FHIR mapping. */
export const DEVICE_MAPPING = HEART_RATE_DEVICE_MAPPING;
export const FHIR_MAPPING = heartRateFhirMapping();

/** A device event the device mapping turns into one measurement. */
export const DEVICE_EVENT = { Body: { deviceId: 'device-1', endDate: '2026-01-01T10:00:00Z', heartRate: 78 }, Properties: {}, SystemProperties: {} };
