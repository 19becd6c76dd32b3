import { globalDbOptionsSchema, persistenceConfigSchema, persistenceOptionsFromConfig, persistenceOptionsSchema } from './persistence.config';

const SECRET = 'c2VjcmV0LWtleS1kby1ub3QtbG9n';

describe('persistence configuration', () => {
  it('reads the environment fragment with its defaults and maps it to module options', () => {
    const config = persistenceConfigSchema.parse({ COSMOS_ENDPOINT: 'https://127.0.0.1:8081', COSMOS_KEY: SECRET, COSMOS_TLS_VERIFY: 'false' });
    expect(config).toMatchObject({ COSMOS_DATABASE: 'globaldb', COSMOS_TLS_VERIFY: false });
    const options = persistenceOptionsSchema.parse(persistenceOptionsFromConfig(config));
    expect(options.globalDb).toMatchObject({ endpoint: 'https://127.0.0.1:8081', databaseName: 'globaldb', tlsRejectUnauthorized: false });
    expect(options.mappingStorage).toEqual({ accountUrlTemplate: 'https://{account}.blob.core.windows.net' });
  });

  it('treats empty optional settings as unset', () => {
    const config = persistenceConfigSchema.parse({
      COSMOS_ENDPOINT: 'https://db.documents.azure.com:443/',
      COSMOS_KEY: SECRET,
      COSMOS_DATABASE: '',
      COSMOS_TLS_VERIFY: '',
      MAPPING_STORAGE_CONNECTION_STRING: '',
    });
    expect(config).toMatchObject({ COSMOS_DATABASE: 'globaldb', COSMOS_TLS_VERIFY: true, MAPPING_STORAGE_CONNECTION_STRING: undefined });
  });

  it.each([
    [{ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT'],
    [{ COSMOS_ENDPOINT: 'ftp://x' }, 'COSMOS_ENDPOINT'],
    [{ COSMOS_KEY: '' }, 'COSMOS_KEY'],
    [{ COSMOS_DATABASE: 'a/b' }, 'COSMOS_DATABASE'],
    [{ COSMOS_TLS_VERIFY: 'maybe' }, 'COSMOS_TLS_VERIFY'],
  ])('rejects %p naming %s, never echoing the key', (change, path) => {
    const result = persistenceConfigSchema.safeParse({ COSMOS_ENDPOINT: 'https://x:1', COSMOS_KEY: SECRET, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([path]);
    expect(JSON.stringify(result.error!.issues)).not.toContain(SECRET);
  });

  it.each([
    [{ maxThrottleRetries: 21 }, 'maxThrottleRetries'],
    [{ maxThrottleWaitSeconds: 0 }, 'maxThrottleWaitSeconds'],
    [{ deletedDocumentTtlSeconds: -1 }, 'deletedDocumentTtlSeconds'],
  ])('rejects Global DB option %p', (change, path) => {
    const result = globalDbOptionsSchema.safeParse({ endpoint: 'https://x:1', key: SECRET, databaseName: 'db', ...change });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });

  it('requires {account} in the account URL template', () => {
    const result = persistenceOptionsSchema.safeParse({
      globalDb: { endpoint: 'https://x:1', key: SECRET, databaseName: 'db' },
      mappingStorage: { accountUrlTemplate: 'https://fixed.blob.core.windows.net' },
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['mappingStorage.accountUrlTemplate']);
  });
});
