import { ConfigValidationError, loadConfig } from '@iomt/service-kit';
import { gatewayConfigSchema } from './config';

describe('gateway configuration', () => {
  it.each([
    ['nothing set', {}, 8080],
    ['PORT only', { PORT: '9000' }, 9000],
    ['GATEWAY_PORT only', { GATEWAY_PORT: '9100' }, 9100],
    ['both: GATEWAY_PORT wins', { PORT: '9000', GATEWAY_PORT: '9100' }, 9100],
    ['empty GATEWAY_PORT: PORT applies', { PORT: '9000', GATEWAY_PORT: '' }, 9000],
  ])('resolves the port with %s', (_case, env: Record<string, string>, port) => {
    expect(loadConfig(gatewayConfigSchema, env).PORT).toBe(port);
  });

  it('keeps only the resolved PORT, not GATEWAY_PORT', () => {
    expect(loadConfig(gatewayConfigSchema, { GATEWAY_PORT: '9100' })).not.toHaveProperty('GATEWAY_PORT');
  });

  it.each([
    ['GATEWAY_PORT', { GATEWAY_PORT: 'http' }],
    ['GATEWAY_PORT', { GATEWAY_PORT: '70000', PORT: '9000' }],
    ['PORT', { PORT: 'x', GATEWAY_PORT: '9100' }],
  ])('names %s when it is malformed', (setting, env: Record<string, string>) => {
    expect(() => loadConfig(gatewayConfigSchema, env)).toThrow(
      expect.objectContaining({ constructor: ConfigValidationError, settings: [setting] }),
    );
  });

  it('takes LOCAL_ARM_TOKEN when set and leaves it unset otherwise', () => {
    expect(loadConfig(gatewayConfigSchema, { LOCAL_ARM_TOKEN: 'local-dev-token' }).LOCAL_ARM_TOKEN).toBe('local-dev-token');
    expect(loadConfig(gatewayConfigSchema, { LOCAL_ARM_TOKEN: '' }).LOCAL_ARM_TOKEN).toBeUndefined();
  });
});
