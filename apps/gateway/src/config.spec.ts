import { ConfigValidationError, loadConfig } from '@iomt/service-kit';
import { gatewayConfigSchema } from './config';

/** The infrastructure settings every gateway needs (values are never contacted here). */
const REQUIRED = {
  COSMOS_ENDPOINT: 'https://127.0.0.1:8081',
  COSMOS_KEY: 'a2V5',
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true',
};
const load = (env: Record<string, string>) => loadConfig(gatewayConfigSchema, { ...REQUIRED, ...env });
const settingsOf = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.settings;
    throw error;
  }
  return [];
};

const SHA1 = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01';
const JWKS = JSON.stringify({ keys: [] });

describe('gateway configuration', () => {
  it.each([
    ['nothing set', {}, 8080],
    ['PORT only', { PORT: '9000' }, 9000],
    ['GATEWAY_PORT only', { GATEWAY_PORT: '9100' }, 9100],
    ['both: GATEWAY_PORT wins', { PORT: '9000', GATEWAY_PORT: '9100' }, 9100],
    ['empty GATEWAY_PORT: PORT applies', { PORT: '9000', GATEWAY_PORT: '' }, 9000],
  ])('resolves the port with %s', (_case, env: Record<string, string>, port) => {
    expect(load(env).PORT).toBe(port);
  });

  it('keeps only the resolved PORT, not GATEWAY_PORT', () => {
    expect(load({ GATEWAY_PORT: '9100' })).not.toHaveProperty('GATEWAY_PORT');
  });

  it('defaults Retry-After to ARM minimum of 10 s and the queue limit to 50', () => {
    expect(load({})).toMatchObject({ LRO_RETRY_AFTER_SECONDS: 10, MAX_QUEUED_OPERATIONS_PER_SUBSCRIPTION: 50, LIST_PAGE_SIZE: 100 });
  });

  it('normalises certificate thumbprints', () => {
    const config = load({ ARM_CLIENT_CERT_THUMBPRINTS: `${SHA1}, ${'a'.repeat(64)}`, TLS_PORT: '0', TLS_CERT_FILE: 'c', TLS_KEY_FILE: 'k' });
    expect(config.ARM_CLIENT_CERT_THUMBPRINTS).toEqual(['ABCDEF0123456789ABCDEF0123456789ABCDEF01', 'A'.repeat(64)]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['GATEWAY_PORT malformed', { GATEWAY_PORT: 'http' }, ['GATEWAY_PORT']],
    ['GATEWAY_PORT out of range', { GATEWAY_PORT: '70000', PORT: '9000' }, ['GATEWAY_PORT']],
    ['PORT malformed', { PORT: 'x', GATEWAY_PORT: '9100' }, ['PORT']],
    ['the local token on a non-loopback HOST', { LOCAL_ARM_TOKEN: 't', HOST: '0.0.0.0' }, ['LOCAL_ARM_TOKEN']],
    ['anonymous access on a non-loopback HOST', { LOCAL_ALLOW_ANONYMOUS: 'true', HOST: '0.0.0.0' }, ['LOCAL_ALLOW_ANONYMOUS']],
    ['auto-registration on a non-loopback HOST', { LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: 'true', HOST: '10.0.0.4' }, ['LOCAL_AUTO_REGISTER_SUBSCRIPTIONS']],
    ['anonymous access not a boolean', { LOCAL_ALLOW_ANONYMOUS: 'maybe' }, ['LOCAL_ALLOW_ANONYMOUS']],
    ['a thumbprint of the wrong length', { ARM_CLIENT_CERT_THUMBPRINTS: 'ABCD', TLS_PORT: '1', TLS_CERT_FILE: 'c', TLS_KEY_FILE: 'k' }, ['ARM_CLIENT_CERT_THUMBPRINTS']],
    ['thumbprints without a TLS listener', { ARM_CLIENT_CERT_THUMBPRINTS: SHA1 }, ['TLS_PORT', 'TLS_CERT_FILE', 'TLS_KEY_FILE']],
    ['a TLS listener without thumbprints', { TLS_PORT: '8443', TLS_CERT_FILE: 'c', TLS_KEY_FILE: 'k' }, ['ARM_CLIENT_CERT_THUMBPRINTS']],
    ['Entra ID without audience and keys', { ENTRA_ISSUERS: 'https://login.microsoftonline.com/t/v2.0' }, ['ENTRA_AUDIENCE', 'ENTRA_JWKS_URI']],
    ['Entra ID with both key sources', { ENTRA_ISSUERS: 'https://i/', ENTRA_AUDIENCE: 'a', ENTRA_JWKS_URI: 'https://k/', ENTRA_JWKS: JWKS }, ['ENTRA_JWKS_URI']],
    ['an Entra key set that is not JSON', { ENTRA_ISSUERS: 'https://i/', ENTRA_AUDIENCE: 'a', ENTRA_JWKS: '{' }, ['ENTRA_JWKS']],
    ['the admin token on a non-loopback HOST', { ADMIN_TOKEN: 'admin', HOST: '0.0.0.0' }, ['ADMIN_TOKEN']],
    ['an admin role without Entra ID settings', { ADMIN_ENTRA_ROLE: 'IomtRp.Admin' }, ['ADMIN_ENTRA_ROLE']],
    ['a Retry-After over ten minutes', { LRO_RETRY_AFTER_SECONDS: '601' }, ['LRO_RETRY_AFTER_SECONDS']],
    ['a skip token key of the wrong size', { SKIP_TOKEN_KEY: Buffer.alloc(16).toString('base64') }, ['SKIP_TOKEN_KEY']],
    ['no Cosmos endpoint', { COSMOS_ENDPOINT: '' }, ['COSMOS_ENDPOINT']],
  ])('refuses %s, naming the settings', (_case, env, settings) => {
    expect(settingsOf(env)).toEqual(settings);
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', 'localhost'])('takes the local token on loopback HOST %s', (host) => {
    expect(load({ LOCAL_ARM_TOKEN: 'local-dev-token', HOST: host }).LOCAL_ARM_TOKEN).toBe('local-dev-token');
  });

  it('keeps the local-stack conveniences off unless asked, and takes them on loopback', () => {
    expect(load({})).toMatchObject({ LOCAL_ALLOW_ANONYMOUS: false, LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: false });
    expect(load({ LOCAL_ALLOW_ANONYMOUS: 'true', LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: 'true' })).toMatchObject({
      LOCAL_ALLOW_ANONYMOUS: true,
      LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: true,
    });
  });

  it('leaves an empty LOCAL_ARM_TOKEN unset', () => {
    expect(load({ LOCAL_ARM_TOKEN: '' }).LOCAL_ARM_TOKEN).toBeUndefined();
  });

  it('never repeats a secret in its errors', () => {
    expect(() => load({ LOCAL_ARM_TOKEN: 'hunter2-token', HOST: '10.0.0.4' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
