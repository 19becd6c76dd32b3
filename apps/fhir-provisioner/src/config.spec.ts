import { ConfigValidationError, loadConfig } from '@iomt/service-kit';
import { FHIR_PROVISIONER_SERVICE } from './config';

const VALID = {
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=secret-value;UseDevelopmentEmulator=true',
  COSMOS_ENDPOINT: 'https://127.0.0.1:8081',
  COSMOS_KEY: 'cosmos-secret-key',
};

const load = (env: Record<string, string>) => loadConfig(FHIR_PROVISIONER_SERVICE.configSchema, env);

describe('fhir-provisioner settings', () => {
  it('takes the Service Bus, Global DB and ARM defaults around the required settings', () => {
    expect(load(VALID)).toMatchObject({
      SERVICEBUS_FHIR_COMMANDS_QUEUE: 'fhir-commands',
      SERVICEBUS_OPERATION_REPLIES_QUEUE: 'operation-replies',
      COSMOS_DATABASE: 'globaldb',
      ARM_MODE: 'azure',
      ARM_ENDPOINT: 'https://management.azure.com',
      COMMANDS_ACCEPT_SESSION_TIMEOUT_MS: 10_000,
      CLUSTER_METADATA_CACHE_SECONDS: 30,
      COMMAND_PROGRESS_MIN_MS: 1_000,
    });
  });

  it('takes 0 to turn off the metadata cache and the progress minimum', () => {
    expect(load({ ...VALID, CLUSTER_METADATA_CACHE_SECONDS: '0', COMMAND_PROGRESS_MIN_MS: '0' })).toMatchObject({
      CLUSTER_METADATA_CACHE_SECONDS: 0,
      COMMAND_PROGRESS_MIN_MS: 0,
    });
  });

  it.each([
    { setting: 'SERVICEBUS_CONNECTION_STRING', env: { ...VALID, SERVICEBUS_CONNECTION_STRING: 'Endpoint=https://x' } },
    { setting: 'COSMOS_KEY', env: { SERVICEBUS_CONNECTION_STRING: VALID.SERVICEBUS_CONNECTION_STRING, COSMOS_ENDPOINT: VALID.COSMOS_ENDPOINT } },
    { setting: 'ARM_MODE', env: { ...VALID, ARM_MODE: 'cloud' } },
    { setting: 'COMMANDS_ACCEPT_SESSION_TIMEOUT_MS', env: { ...VALID, COMMANDS_ACCEPT_SESSION_TIMEOUT_MS: '0' } },
    { setting: 'CLUSTER_METADATA_CACHE_SECONDS', env: { ...VALID, CLUSTER_METADATA_CACHE_SECONDS: '-1' } },
    { setting: 'CLUSTER_METADATA_CACHE_SECONDS', env: { ...VALID, CLUSTER_METADATA_CACHE_SECONDS: '2.5' } },
    { setting: 'COMMAND_PROGRESS_MIN_MS', env: { ...VALID, COMMAND_PROGRESS_MIN_MS: 'soon' } },
  ])('names $setting when it is wrong, without echoing secrets', ({ setting, env }) => {
    const error = (() => {
      try {
        load(env);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).settings).toEqual([setting]);
    expect((error as Error).message).not.toMatch(/secret-value|cosmos-secret-key/);
  });
});
