import { serviceBusConfigSchema, serviceBusServerOptionsFrom } from './service-bus.config';

const CONNECTION = 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true';

describe('serviceBusConfigSchema', () => {
  it('fills defaults for everything but the connection string', () => {
    expect(serviceBusConfigSchema.parse({ SERVICEBUS_CONNECTION_STRING: CONNECTION })).toEqual({
      SERVICEBUS_CONNECTION_STRING: CONNECTION,
      SERVICEBUS_MAX_CONCURRENT_SESSIONS: 8,
      SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: 5_000,
      SERVICEBUS_MAX_AUTO_LOCK_RENEWAL_MS: 3_600_000,
      SERVICEBUS_REPLY_TIMEOUT_MS: 30_000,
      SERVICEBUS_REPLY_MAX_WAIT_MS: 3_600_000,
      SERVICEBUS_REQUEST_HEARTBEAT_MS: 10_000,
      SERVICEBUS_OPERATIONS_QUEUE: 'operations',
      SERVICEBUS_FHIR_COMMANDS_QUEUE: 'fhir-commands',
      SERVICEBUS_IOMT_COMMANDS_QUEUE: 'iomt-commands',
      SERVICEBUS_KEY_ROTATION_COMMANDS_QUEUE: 'key-rotation-commands',
      SERVICEBUS_OPERATION_REPLIES_QUEUE: 'operation-replies',
    });
  });

  it('reads numbers from environment strings', () => {
    const config = serviceBusConfigSchema.parse({
      SERVICEBUS_CONNECTION_STRING: CONNECTION,
      SERVICEBUS_MAX_CONCURRENT_SESSIONS: '16',
      SERVICEBUS_MAX_AUTO_LOCK_RENEWAL_MS: '0',
    });
    expect(config).toMatchObject({ SERVICEBUS_MAX_CONCURRENT_SESSIONS: 16, SERVICEBUS_MAX_AUTO_LOCK_RENEWAL_MS: 0 });
  });

  it.each<[string, Record<string, string | undefined>, string]>([
    ['a missing connection string', { SERVICEBUS_CONNECTION_STRING: undefined }, 'SERVICEBUS_CONNECTION_STRING'],
    ['a connection string without endpoint', { SERVICEBUS_CONNECTION_STRING: 'SharedAccessKey=secret' }, 'SERVICEBUS_CONNECTION_STRING'],
    ['zero sessions', { SERVICEBUS_MAX_CONCURRENT_SESSIONS: '0' }, 'SERVICEBUS_MAX_CONCURRENT_SESSIONS'],
    ['fractional sessions', { SERVICEBUS_MAX_CONCURRENT_SESSIONS: '2.5' }, 'SERVICEBUS_MAX_CONCURRENT_SESSIONS'],
    ['a word for a number', { SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: 'soon' }, 'SERVICEBUS_SESSION_IDLE_TIMEOUT_MS'],
    ['a zero idle timeout', { SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: '0' }, 'SERVICEBUS_SESSION_IDLE_TIMEOUT_MS'],
    ['a negative renewal', { SERVICEBUS_MAX_AUTO_LOCK_RENEWAL_MS: '-1' }, 'SERVICEBUS_MAX_AUTO_LOCK_RENEWAL_MS'],
    ['a bad queue name', { SERVICEBUS_OPERATIONS_QUEUE: '../etc' }, 'SERVICEBUS_OPERATIONS_QUEUE'],
    ['a zero maximum reply wait', { SERVICEBUS_REPLY_MAX_WAIT_MS: '0' }, 'SERVICEBUS_REPLY_MAX_WAIT_MS'],
    ['a negative heartbeat interval', { SERVICEBUS_REQUEST_HEARTBEAT_MS: '-5' }, 'SERVICEBUS_REQUEST_HEARTBEAT_MS'],
  ])('rejects %s, naming the setting and never echoing the secret', (_name, overrides, setting) => {
    const result = serviceBusConfigSchema.safeParse({ SERVICEBUS_CONNECTION_STRING: CONNECTION, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0])).toEqual([setting]);
    expect(JSON.stringify(result.error!.issues)).not.toContain('secret');
    expect(JSON.stringify(result.error!.issues)).not.toContain('SAS_KEY_VALUE');
  });
});

describe('serviceBusServerOptionsFrom', () => {
  it('maps the settings onto server options for one queue', () => {
    const config = serviceBusConfigSchema.parse({ SERVICEBUS_CONNECTION_STRING: CONNECTION, SERVICEBUS_MAX_CONCURRENT_SESSIONS: '3' });
    expect(serviceBusServerOptionsFrom(config, 'operations')).toEqual({
      connectionString: CONNECTION,
      entity: { queueName: 'operations' },
      maxConcurrentSessions: 3,
      sessionIdleTimeoutMs: 5_000,
      maxAutoLockRenewalDurationInMs: 3_600_000,
      requestHeartbeatMs: 10_000,
    });
  });
});
