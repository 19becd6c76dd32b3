import { selectJsonPath, toJsonPathPlus } from './jsonpath-dialect';

const message = {
  Body: { heartRate: '78', steps: 0, deviceId: 'device123' },
  Properties: { 'iothub-creation-time-utc': '2019-02-01T22:46:01Z' },
  SystemProperties: { 'iothub-connection-device-id': 'hub-device' },
};
const arrayMessage = { Body: [{ heartRate: '78' }, { heartRate: '81' }, { steps: 2 }], Properties: {}, SystemProperties: {} };

describe('toJsonPathPlus', () => {
  it.each([
    ['$..[?(@heartRate)]', '$..[?((@.heartRate !== undefined))]'],
    ['$..[?(@systolic && @diastolic)]', '$..[?((@.systolic !== undefined) && (@.diastolic !== undefined))]'],
    ['$..[?(@Properties.iothub-creation-time-utc)]', "$..[?((@.Properties['iothub-creation-time-utc'] !== undefined))]"],
    ["$..[?(@type == 'a@b.c' || @.x)]", "$..[?(@.type == 'a@b.c' || (@.x !== undefined))]"],
    ['$.Body[?(@.value > 0)].value', '$.Body[?(@.value > 0)].value'],
    ['$.matchedToken.deviceId', '$.matchedToken.deviceId'],
  ])('rewrites %s as %s', (jsonNet, jsonPathPlus) => {
    expect(toJsonPathPlus(jsonNet)).toBe(jsonPathPlus);
  });
});

describe('selectJsonPath selects what Json.NET selects', () => {
  it.each<[string, unknown, unknown[]]>([
    ['$..[?(@heartRate)]', message, [message.Body]],
    ['$..[?(@steps)]', message, [message.Body]],
    ['$..[?(@Body.heartRate)]', message, [message]],
    ['$..[?(@Properties.iothub-creation-time-utc && @Body)]', message, [message]],
    ['$..[?(@heartRate)]', arrayMessage, [{ heartRate: '78' }, { heartRate: '81' }]],
    ["$..[?(@deviceId == 'device123')].heartRate", message, ['78']],
    ['$.SystemProperties.iothub-connection-device-id', message, ['hub-device']],
    ['$.Body.missing.deeper', message, []],
    ['$..[?(@nothing)]', message, []],
  ])('%s', (expression, data, selected) => {
    expect(selectJsonPath(expression, data)).toEqual(selected);
  });
});
