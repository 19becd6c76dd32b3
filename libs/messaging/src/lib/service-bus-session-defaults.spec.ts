import { serviceBusConfigSchema, serviceBusSessionDefaults, WORKER_SESSION_DEFAULTS } from './service-bus.config';

const CONNECTION = 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE';
const schema = serviceBusConfigSchema.extend(serviceBusSessionDefaults({ maxConcurrentSessions: 32, sessionIdleTimeoutMs: 1_000 }));

describe('serviceBusSessionDefaults', () => {
  it("replaces the fragment's session defaults when the variables are unset", () => {
    expect(schema.parse({ SERVICEBUS_CONNECTION_STRING: CONNECTION })).toMatchObject({
      SERVICEBUS_MAX_CONCURRENT_SESSIONS: 32,
      SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: 1_000,
      SERVICEBUS_REPLY_TIMEOUT_MS: 30_000,
    });
  });

  it('still lets the environment decide', () => {
    const config = schema.parse({ SERVICEBUS_CONNECTION_STRING: CONNECTION, SERVICEBUS_MAX_CONCURRENT_SESSIONS: '4', SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: '250' });
    expect(config).toMatchObject({ SERVICEBUS_MAX_CONCURRENT_SESSIONS: 4, SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: 250 });
  });

  it.each([
    ['SERVICEBUS_MAX_CONCURRENT_SESSIONS', '0'],
    ['SERVICEBUS_MAX_CONCURRENT_SESSIONS', '1001'],
    ['SERVICEBUS_MAX_CONCURRENT_SESSIONS', 'many'],
    ['SERVICEBUS_SESSION_IDLE_TIMEOUT_MS', '0'],
  ])('keeps the bounds of the fragment: %s=%s is refused, naming it', (name, value) => {
    const result = schema.safeParse({ SERVICEBUS_CONNECTION_STRING: CONNECTION, [name]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([name]);
  });

  it('gives workers more sessions than a router holds by default', () => {
    expect(WORKER_SESSION_DEFAULTS.maxConcurrentSessions).toBeGreaterThan(32);
  });
});
