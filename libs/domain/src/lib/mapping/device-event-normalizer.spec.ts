import { Measurement, NO_MEASUREMENTS, normalizeDeviceEvents } from './device-event-normalizer';
import { deviceMappingWith, members, unmark } from './test-support/marked-text';
import { SAMPLE_DEVICE_MAPPING } from './test-support/mapping-samples';

const event = (Body: unknown, Properties = {}, SystemProperties = {}) => ({ Body, Properties, SystemProperties });

/** The CalculatedContent heart rate of the iomt-fhir docs, with an optional Celsius value computed in JMESPath. */
const HEART_RATE = members(
  '"typeName": "heartrate"',
  '"typeMatchExpression": "$..[?(@heartRate)]"',
  '"deviceIdExpression": "$.matchedToken.deviceId"',
  '"timestampExpression": "$.matchedToken.endDate"',
  '"values": [{ "valueName": "hr", "valueExpression": "$.matchedToken.heartRate", "required": true }, ' +
    '{ "valueName": "tempC", "valueExpression": { "value": "matchedToken.tempF && divide(multiply(subtract(matchedToken.tempF, `32`), `5`), `9`)", "language": "JmesPath" } }]',
);

describe('normalizeDeviceEvents', () => {
  it.each<[string, unknown, Measurement[]]>([
    ['a heart rate, with a JMESPath-computed value', event({ heartRate: '78', tempF: 212, endDate: '2019-02-01T22:46:01.8750000Z', deviceId: 'device123' }), [
      { type: 'heartrate', occurrenceTimeUtc: '2019-02-01T22:46:01.875Z', deviceId: 'device123', properties: [{ name: 'hr', value: '78' }, { name: 'tempC', value: '100' }] },
    ]],
    ['one measurement per array item (iomt-fhir docs example)', event([
      { heartRate: '78', endDate: '2019-02-01T22:46:01.8750000Z', deviceId: 'device123' },
      { heartRate: '81', endDate: '2019-02-01T23:46:01.8750000Z', deviceId: 'device123' },
      { steps: '2', endDate: '2019-02-01T23:50:00Z', deviceId: 'device123' },
    ]), [
      { type: 'heartrate', occurrenceTimeUtc: '2019-02-01T22:46:01.875Z', deviceId: 'device123', properties: [{ name: 'hr', value: '78' }] },
      { type: 'heartrate', occurrenceTimeUtc: '2019-02-01T23:46:01.875Z', deviceId: 'device123', properties: [{ name: 'hr', value: '81' }] },
    ]],
    ['a heart rate of 0, which still exists', event({ heartRate: 0, endDate: '2024-01-01T00:00:00Z', deviceId: 'd' }), [
      { type: 'heartrate', occurrenceTimeUtc: '2024-01-01T00:00:00.000Z', deviceId: 'd', properties: [{ name: 'hr', value: '0' }] },
    ]],
  ])('normalizes %s', (_case, deviceEvent, measurements) => {
    const mapping = unmark(deviceMappingWith('CalculatedContent', HEART_RATE)).text;
    const { problems, deviceResults } = normalizeDeviceEvents(mapping, [deviceEvent]);
    expect(problems).toEqual([]);
    expect(deviceResults).toEqual([{ deviceEvent, measurements, problems: [] }]);
  });

  it('normalizes the realistic sample: JMESPath timestamps, correlation ids, IoT Hub fixed expressions and fallback', () => {
    const iotHub = event({ steps: 0 }, {}, { 'iothub-connection-device-id': 'hub-device', 'iothub-enqueuedtime': '2024-03-01T08:00:00Z' });
    const bloodPressure = event({ systolic: 120, diastolic: 80, endDate: '2024-03-01T08:01:00Z', deviceId: 'bp', patientId: 'p', sessionId: 's1' });
    const heartRate = event({ heartRate: 61, endDate: 1709280000000, deviceId: 'hr', patientId: 'p' });
    const results = normalizeDeviceEvents(SAMPLE_DEVICE_MAPPING, [iotHub, bloodPressure, heartRate]).deviceResults;
    expect(results.map((result) => result.problems)).toEqual([[], [], []]);
    expect(results.flatMap((result) => result.measurements)).toEqual([
      { type: 'steps', occurrenceTimeUtc: '2024-03-01T08:00:00.000Z', deviceId: 'hub-device', patientId: 'hub-device', properties: [{ name: 'steps', value: '0' }] },
      { type: 'bloodpressure', occurrenceTimeUtc: '2024-03-01T08:01:00.000Z', deviceId: 'bp', patientId: 'p', correlationId: 's1', properties: [{ name: 'systolic', value: '120' }, { name: 'diastolic', value: '80' }] },
      { type: 'heartrate', occurrenceTimeUtc: '2024-03-01T08:00:00.000Z', deviceId: 'hr', patientId: 'p', properties: [{ name: 'hr', value: '61' }] },
    ]);
  });

  it.each<[string, string, unknown, string]>([
    ['no device id', '"deviceIdExpression": ¦"$.matchedToken.deviceId"', event({ heartRate: 1, endDate: '2024-01-01T00:00:00Z' }),
      'Unable to extract required value for [DeviceIdExpression] using $.matchedToken.deviceId'],
    ['an empty device id', '"deviceIdExpression": ¦"$.matchedToken.deviceId"', event({ heartRate: 1, endDate: '2024-01-01T00:00:00Z', deviceId: '' }),
      'A null or empty value was supplied for the required field [DeviceIdExpression]'],
    ['a device id that is an object', '"deviceIdExpression": ¦"$.matchedToken.deviceId"', event({ heartRate: 1, endDate: '2024-01-01T00:00:00Z', deviceId: { id: 1 } }),
      'The expression $.matchedToken.deviceId for [DeviceIdExpression] selected an object; expected a single value.'],
    ['a timestamp that is no date', '"timestampExpression": ¦"$.matchedToken.endDate"', event({ heartRate: 1, endDate: 'yesterday', deviceId: 'd' }),
      "Unable to read 'yesterday', extracted for [TimestampExpression] using $.matchedToken.endDate, as a date and time"],
    ['a missing required value', '"values": [{ "valueName": "hr", "valueExpression": ¦"$.matchedToken.bpm", "required": true }]', event({ heartRate: 1, endDate: '2024-01-01T00:00:00Z', deviceId: 'd' }),
      'Unable to extract required value for [hr] using $.matchedToken.bpm'],
    ['a JMESPath function given a string', '"values": [{ "valueName": "hr", "valueExpression": { "value": ¦"add(matchedToken.heartRate, `1`)", "language": "JmesPath" } }]', event({ heartRate: 'x', endDate: '2024-01-01T00:00:00Z', deviceId: 'd' }),
      'Unable to evaluate the expression add(matchedToken.heartRate, `1`) for [hr]: Invalid type: add() expected argument 1 to be type (number) but received type string instead.'],
  ])('reports %s at the expression that failed', (_case, member, deviceEvent, message) => {
    const defaults = [
      '"typeName": "heartrate"',
      '"typeMatchExpression": "$..[?(@heartRate)]"',
      '"deviceIdExpression": "$.matchedToken.deviceId"',
      '"timestampExpression": "$.matchedToken.endDate"',
      '"values": []',
    ];
    const key = member.slice(0, member.indexOf(':'));
    const at = unmark(deviceMappingWith('CalculatedContent', members(...defaults.map((line) => (line.startsWith(key) ? member : line)))));
    const [result] = normalizeDeviceEvents(at.text, [deviceEvent]).deviceResults;
    expect(result.measurements).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ message, level: 'ERROR', category: 'NORMALIZATION', line: at.line, position: at.position }),
    ]);
  });

  it('warns when no template matches an event', () => {
    const mapping = unmark(deviceMappingWith('CalculatedContent', HEART_RATE)).text;
    const [result] = normalizeDeviceEvents(mapping, [event({ temperature: 37 })]).deviceResults;
    expect(result.problems).toEqual([
      { message: NO_MEASUREMENTS, level: 'WARN', category: 'NORMALIZATION', mapping: 'deviceMapping', line: 1, position: 1, path: '$' },
    ]);
  });

  it('does not run events through a mapping with errors', () => {
    const result = normalizeDeviceEvents('{"templateType": "CollectionContent", "template": [{"templateType": "Bogus"}]}', [event({})]);
    expect(result.deviceResults).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual(['No match found for template type Bogus.']);
  });

  it('keeps going after an event that fails', () => {
    const mapping = unmark(deviceMappingWith('CalculatedContent', HEART_RATE)).text;
    const results = normalizeDeviceEvents(mapping, [event({ heartRate: 1 }), event({ heartRate: 2, endDate: '2024-01-01T00:00:00Z', deviceId: 'd' })]).deviceResults;
    expect(results.map((result) => [result.measurements.length, result.problems.length])).toEqual([[0, 1], [1, 0]]);
  });
});
