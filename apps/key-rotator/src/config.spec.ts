import { ConfigValidationError, loadConfig } from '@iomt/service-kit';
import { isCronPattern, KEY_ROTATION_DEFAULTS, keyRotatorConfigSchema } from './config';

const REQUIRED = {
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672/;SharedAccessKeyName=k;SharedAccessKey=x;UseDevelopmentEmulator=true',
  COSMOS_ENDPOINT: 'https://127.0.0.1:8081',
  COSMOS_KEY: 'a-key',
};

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('key-rotator config', () => {
  it('defaults to an hourly schedule, a 30-day period and bounded sweeps', () => {
    const config = loadConfig(keyRotatorConfigSchema, REQUIRED);
    expect(config).toMatchObject({
      KEY_ROTATION_SCHEDULE: KEY_ROTATION_DEFAULTS.schedule,
      KEY_ROTATION_SCHEDULE_ENABLED: true,
      KEY_ROTATION_PERIOD_DAYS: 30,
      KEY_ROTATION_PAGE_SIZE: 100,
      KEY_ROTATION_MAX_PER_SWEEP: 500,
      KEY_ROTATION_INPUT_NAME: 'NormalizedData',
      SERVICEBUS_KEY_ROTATION_COMMANDS_QUEUE: 'key-rotation-commands',
      SERVICEBUS_OPERATIONS_QUEUE: 'operations',
    });
  });

  it('reads every setting', () => {
    const config = loadConfig(keyRotatorConfigSchema, {
      ...REQUIRED,
      KEY_ROTATION_SCHEDULE: '0 3 1 * *',
      KEY_ROTATION_SCHEDULE_ENABLED: 'false',
      KEY_ROTATION_PERIOD_DAYS: '7',
      KEY_ROTATION_PAGE_SIZE: '10',
      KEY_ROTATION_MAX_PER_SWEEP: '20',
      KEY_ROTATION_INPUT_NAME: 'DeviceInput',
    });
    expect(config).toMatchObject({
      KEY_ROTATION_SCHEDULE: '0 3 1 * *',
      KEY_ROTATION_SCHEDULE_ENABLED: false,
      KEY_ROTATION_PERIOD_DAYS: 7,
      KEY_ROTATION_PAGE_SIZE: 10,
      KEY_ROTATION_MAX_PER_SWEEP: 20,
      KEY_ROTATION_INPUT_NAME: 'DeviceInput',
    });
  });

  it.each([
    ['KEY_ROTATION_SCHEDULE', 'every tuesday'],
    ['KEY_ROTATION_SCHEDULE', '61 * * * *'],
    ['KEY_ROTATION_SCHEDULE_ENABLED', 'maybe'],
    ['KEY_ROTATION_PERIOD_DAYS', '0'],
    ['KEY_ROTATION_PERIOD_DAYS', '1.5'],
    ['KEY_ROTATION_PAGE_SIZE', '5000'],
    ['KEY_ROTATION_MAX_PER_SWEEP', '-1'],
    ['KEY_ROTATION_INPUT_NAME', 'a b'],
    ['ARM_MODE', 'cloud'],
  ])('refuses %s=%s, naming the setting', (name, value) => {
    const error = thrown(() => loadConfig(keyRotatorConfigSchema, { ...REQUIRED, [name]: value }));
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).settings).toEqual([name]);
  });

  it('requires the Service Bus and Cosmos connections', () => {
    const error = thrown(() => loadConfig(keyRotatorConfigSchema, {})) as ConfigValidationError;
    expect([...error.settings].sort()).toEqual(['COSMOS_ENDPOINT', 'COSMOS_KEY', 'SERVICEBUS_CONNECTION_STRING']);
  });
});

describe('isCronPattern', () => {
  it.each([
    ['0 * * * *', true],
    ['*/15 * * * * *', true],
    ['@daily', true],
    ['0 3 1 * *', true],
    ['', false],
    ['* * *', false],
    ['0 25 * * *', false],
  ])('%j → %s', (pattern, valid) => {
    expect(isCronPattern(pattern)).toBe(valid);
  });
});
