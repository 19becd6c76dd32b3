import { ConfigValidationError, loadConfig } from '@iomt/service-kit';
import { operationRouterConfigSchema, ROUTER_DEFAULTS } from './config';

const REQUIRED = {
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=secret;UseDevelopmentEmulator=true',
  COSMOS_ENDPOINT: 'https://127.0.0.1:8081',
  COSMOS_KEY: 'a2V5',
};

describe('operation-router settings', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(operationRouterConfigSchema, REQUIRED)).toMatchObject({
      PORT: 8090,
      ROUTER_MAX_ATTEMPTS: ROUTER_DEFAULTS.maxAttempts,
      ROUTER_RETRY_BASE_DELAY_MS: ROUTER_DEFAULTS.retryBaseDelayMs,
      ROUTER_MAX_DELIVERY_COUNT: ROUTER_DEFAULTS.maxDeliveryCount,
      ROUTER_SWEEP_INTERVAL_MS: ROUTER_DEFAULTS.sweepIntervalMs,
      ROUTER_SWEEP_GRACE_MS: ROUTER_DEFAULTS.sweepGraceMs,
      SERVICEBUS_MAX_CONCURRENT_SESSIONS: 32,
      SERVICEBUS_SESSION_IDLE_TIMEOUT_MS: 1_000,
      SERVICEBUS_OPERATIONS_QUEUE: 'operations',
      COSMOS_DATABASE: 'globaldb',
    });
  });

  it.each<[Record<string, string>, string[]]>([
    [{ ROUTER_MAX_ATTEMPTS: '0' }, ['ROUTER_MAX_ATTEMPTS']],
    [{ ROUTER_MAX_ATTEMPTS: 'three' }, ['ROUTER_MAX_ATTEMPTS']],
    [{ ROUTER_RETRY_BASE_DELAY_MS: '-1', ROUTER_SWEEP_INTERVAL_MS: '1.5' }, ['ROUTER_RETRY_BASE_DELAY_MS', 'ROUTER_SWEEP_INTERVAL_MS']],
    [{ ROUTER_MAX_DELIVERY_COUNT: '5000' }, ['ROUTER_MAX_DELIVERY_COUNT']],
    [{ SERVICEBUS_CONNECTION_STRING: 'not a connection string' }, ['SERVICEBUS_CONNECTION_STRING']],
    [{ COSMOS_ENDPOINT: 'ftp://x' }, ['COSMOS_ENDPOINT']],
  ])('refuses %j, naming %j', (overrides, settings) => {
    const attempt = () => loadConfig(operationRouterConfigSchema, { ...REQUIRED, ...overrides });
    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigValidationError).settings).toEqual(settings);
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('names every missing required setting', () => {
    expect(() => loadConfig(operationRouterConfigSchema, {})).toThrow(
      expect.objectContaining({ settings: ['SERVICEBUS_CONNECTION_STRING', 'COSMOS_ENDPOINT', 'COSMOS_KEY'] }),
    );
  });
});
