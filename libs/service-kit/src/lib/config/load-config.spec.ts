import { z } from 'zod';
import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';
import { serviceConfigSchema } from './service-config.schema';
import { optionalSecretSetting } from './settings';

const schema = serviceConfigSchema({ defaultPort: 8081 });

function failure(run: () => unknown): ConfigValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('loadConfig', () => {
  it('applies the defaults when nothing is set', () => {
    expect(loadConfig(schema, {})).toEqual({
      PORT: 8081,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
  });

  it('reads and converts set values', () => {
    const env = { PORT: ' 9000 ', HOST: '::1', LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT_MS: '2500' };
    expect(loadConfig(schema, env)).toEqual({ PORT: 9000, HOST: '::1', LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT_MS: 2500 });
  });

  it.each(['PORT', 'HOST', 'LOG_LEVEL', 'SHUTDOWN_TIMEOUT_MS'])('treats an empty %s as unset', (setting) => {
    expect(loadConfig(schema, { [setting]: '' })).toEqual(loadConfig(schema, {}));
  });

  it.each([
    ['PORT', 'http', 'must be an integer from 0 to 65535'],
    ['PORT', '65536', 'must be an integer from 0 to 65535'],
    ['PORT', '-1', 'must be an integer from 0 to 65535'],
    ['PORT', '80.5', 'must be an integer from 0 to 65535'],
    ['HOST', 'not a host', 'must be a host name or an IP address'],
    ['LOG_LEVEL', 'loud', 'must be one of fatal, error, warn, info, debug, trace, silent'],
    ['SHUTDOWN_TIMEOUT_MS', '0', 'must be an integer from 1 to 3600000'],
    ['SHUTDOWN_TIMEOUT_MS', '10s', 'must be an integer from 1 to 3600000'],
  ])('rejects %s=%j naming the setting', (setting, value, problem) => {
    const error = failure(() => loadConfig(schema, { [setting]: value }));
    expect(error.settings).toEqual([setting]);
    expect(error.issues).toEqual([{ setting, problem }]);
    expect(error.message).toBe(`Invalid configuration: ${setting} ${problem}`);
  });

  it('reports every bad setting at once', () => {
    const error = failure(() => loadConfig(schema, { PORT: 'x', LOG_LEVEL: 'y', HOST: 'a b' }));
    expect(error.settings).toEqual(['PORT', 'HOST', 'LOG_LEVEL']);
  });

  it('names a missing required setting', () => {
    const withRequired = schema.extend({ SERVICEBUS_NAMESPACE: z.string() });
    const error = failure(() => loadConfig(withRequired, {}));
    expect(error.message).toBe('Invalid configuration: SERVICEBUS_NAMESPACE is required but not set');
  });

  it('never repeats a rejected value, which may be a secret', () => {
    const withKey = schema.extend({ SIGNING_KEY: z.string().min(44) });
    const error = failure(() => loadConfig(withKey, { SIGNING_KEY: 'hunter2-secret' }));
    expect(error.settings).toEqual(['SIGNING_KEY']);
    expect(error.message).not.toContain('hunter2');
  });

  it('keeps only the settings of the schema, frozen', () => {
    const withToken = schema.extend({ LOCAL_TOKEN: optionalSecretSetting() });
    const config = loadConfig(withToken, { LOCAL_TOKEN: 't0k', HOME: '/root' });
    expect(config).not.toHaveProperty('HOME');
    expect(config.LOCAL_TOKEN).toBe('t0k');
    expect(Object.isFrozen(config)).toBe(true);
  });
});
