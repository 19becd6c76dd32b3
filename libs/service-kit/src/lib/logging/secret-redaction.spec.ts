import { isSecretName, redactJsonLine, redactSecretFragments, REDACTED } from './secret-redaction';

describe('isSecretName', () => {
  it.each([
    'authorization', 'Authorization', 'cookie', 'set-cookie', 'password', 'dbPassword', 'db_passwd', 'pass', 'pwd', 'clientSecret',
    'LOCAL_ARM_TOKEN', 'accessToken', 'connectionString', 'SERVICEBUS_CONNECTION_STRING', 'primaryKey',
    'secondaryKey', 'sharedAccessKey', 'accountKey', 'apiKey', 'x-functions-key', 'key', 'keys', 'COSMOS_KEY',
    'credentials', 'sig', 'signature', 'x-ms-authorization-auxiliary',
  ])('%s names a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['partitionKey', 'keyName', 'keySlot', 'monkey', 'passed', 'bypass', 'compass', 'name', 'url', 'id', 'subscriptionId', 'resourceGroup'])(
    '%s is not a secret',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );
});

describe('redactSecretFragments', () => {
  it.each([
    [
      'Service Bus connection string',
      'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc+/123=',
      `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=${REDACTED}`,
    ],
    [
      'Storage connection string',
      'DefaultEndpointsProtocol=https;AccountName=acc;AccountKey=Zm9v/YmFy==;EndpointSuffix=core.windows.net',
      `DefaultEndpointsProtocol=https;AccountName=acc;AccountKey=${REDACTED};EndpointSuffix=core.windows.net`,
    ],
    ['Cosmos connection string', 'AccountEndpoint=https://c:8081/;AccountKey=C2y6yDjf5==;', `AccountEndpoint=https://c:8081/;AccountKey=${REDACTED};`],
    ['bearer header', 'sent Bearer eyJhbGciOi.J9.abc to ARM', `sent Bearer ${REDACTED} to ARM`],
    ['bare JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sflKxwRJSMeKKF2QT4 used', `token ${REDACTED} used`],
    ['SAS URL', 'https://a.blob.core.windows.net/c/b?sv=2024&sig=AbC%2Bd&se=1', `https://a.blob.core.windows.net/c/b?sv=2024&sig=${REDACTED}&se=1`],
    ['credentials in a URL', 'amqp://user:p4ss@host:5672/', `amqp://${REDACTED}@host:5672/`],
  ])('masks a %s', (_kind, text, expected) => {
    expect(redactSecretFragments(text)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Endpoint=sb://ns/;SharedAccessKeyName=root; deployed key slot primary to /subscriptions/1';
    expect(redactSecretFragments(text)).toBe(text);
  });
});

describe('redactJsonLine', () => {
  const redact = (value: unknown) => JSON.parse(redactJsonLine(JSON.stringify(value))) as unknown;

  it('redacts secret-named members at any depth and keeps the rest', () => {
    const line = {
      msg: 'request completed',
      req: { headers: { authorization: 'Bearer x', 'x-request-id': 'r1', cookie: 'a=b' } },
      config: { PORT: 8080, LOCAL_ARM_TOKEN: 'local', nested: [{ primaryKey: 'k', partitionKey: 'sub-1' }] },
      enabled: true,
    };
    expect(redact(line)).toEqual({
      msg: 'request completed',
      req: { headers: { authorization: REDACTED, 'x-request-id': 'r1', cookie: REDACTED } },
      config: { PORT: 8080, LOCAL_ARM_TOKEN: REDACTED, nested: [{ primaryKey: REDACTED, partitionKey: 'sub-1' }] },
      enabled: true,
    });
  });

  it('redacts numbers and booleans under secret names too', () => {
    expect(redact({ pin: 1, password: 1234, token: false })).toEqual({ pin: 1, password: REDACTED, token: REDACTED });
  });

  it('masks fragments inside messages and error stacks', () => {
    const line = { msg: 'connect failed: AccountKey=abc;', err: { stack: 'Error: SharedAccessKey=xyz\n    at f' } };
    expect(redact(line)).toEqual({
      msg: `connect failed: AccountKey=${REDACTED};`,
      err: { stack: `Error: SharedAccessKey=${REDACTED}\n    at f` },
    });
  });

  it('keeps lines valid JSON when values contain quotes and escapes', () => {
    const line = { msg: 'said "token": "x" \\ ok', 'we"ird': 'v', secret: 'a"b\\c' };
    expect(redact(line)).toEqual({ msg: 'said "token": "x" \\ ok', 'we"ird': 'v', secret: REDACTED });
  });
});
