import { azureConfigSchema, azureOptionsFromConfig, parseAzureOptions } from './azure.config';

describe('parseAzureOptions', () => {
  it('defaults to the public cloud with the SDK retry defaults', () => {
    expect(parseAzureOptions({})).toEqual({
      mode: 'azure',
      endpoint: 'https://management.azure.com',
      retry: { maxRetries: 3, retryDelayInMs: 1000, maxRetryDelayInMs: 64_000 },
      pollIntervalMs: 2000,
      maxDeploymentWaitMs: 3 * 3600_000,
      storageEndpointSuffix: 'core.windows.net',
    });
  });

  it('accepts a local fake ARM over plain HTTP', () => {
    const options = parseAzureOptions({
      mode: 'local',
      endpoint: 'http://127.0.0.1:7000',
      retry: { maxRetries: 1, retryDelayInMs: 1 },
    });
    expect(options).toMatchObject({
      mode: 'local',
      endpoint: 'http://127.0.0.1:7000',
      retry: { maxRetries: 1, retryDelayInMs: 1 },
    });
  });

  it.each([
    [{ endpoint: 'http://management.azure.com' }, "endpoint must be https when mode is 'azure'"],
    [{ endpoint: 'ftp://x' }, 'endpoint must be an http(s) URL'],
    [{ mode: 'cloud' }, 'mode'],
    [{ retry: { maxRetries: -1 } }, 'retry.maxRetries'],
    [{ pollIntervalMs: 1.5 }, 'pollIntervalMs'],
  ])('refuses %j naming the setting (%s)', (input, message) => {
    expect(() => parseAzureOptions(input)).toThrow(message);
  });
});

describe('azureConfigSchema', () => {
  it('maps environment variables to module options, empty values unset', () => {
    const config = azureConfigSchema.parse({
      ARM_ENDPOINT: 'http://127.0.0.1:7000',
      ARM_MODE: 'local',
      ARM_MAX_RETRIES: '2',
      ARM_RETRY_DELAY_MS: '',
      ARM_POLL_INTERVAL_MS: '5',
    });
    expect(parseAzureOptions(azureOptionsFromConfig(config))).toMatchObject({
      mode: 'local',
      endpoint: 'http://127.0.0.1:7000',
      retry: { maxRetries: 2, retryDelayInMs: 1000 },
      pollIntervalMs: 5,
    });
  });

  it('defaults every variable', () => {
    expect(parseAzureOptions(azureOptionsFromConfig(azureConfigSchema.parse({})))).toMatchObject({
      mode: 'azure',
      endpoint: 'https://management.azure.com',
    });
  });

  it.each([
    [{ ARM_MODE: 'prod' }, 'ARM_MODE'],
    [{ ARM_MAX_RETRIES: 'many' }, 'ARM_MAX_RETRIES'],
    [{ ARM_ENDPOINT: 'not a url' }, 'ARM_ENDPOINT'],
  ])('refuses %j', (env, key) => {
    const result = azureConfigSchema.safeParse(env);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(key);
  });
});
