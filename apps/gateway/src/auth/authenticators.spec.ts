import type { GatewayRequest } from '../arm/gateway-request';
import { ClientCertificateAuthenticator, normalizeThumbprint } from './client-certificate.authenticator';
import { LoopbackAnonymousAuthenticator } from './loopback-anonymous.authenticator';
import { StaticTokenAuthenticator } from './static-token.authenticator';

const request = (headers: Record<string, string>, socket: Record<string, unknown>): GatewayRequest =>
  ({ headers, socket }) as unknown as GatewayRequest;

describe('StaticTokenAuthenticator', () => {
  const authenticator = new StaticTokenAuthenticator('local-token');

  it.each<[string, Record<string, string>, string, boolean]>([
    ['the token on loopback', { authorization: 'Bearer local-token' }, '127.0.0.1', true],
    ['the token on IPv6 loopback, any scheme case', { authorization: 'bearer local-token' }, '::1', true],
    ['the token on another interface', { authorization: 'Bearer local-token' }, '10.0.0.4', false],
    ['another token', { authorization: 'Bearer other' }, '127.0.0.1', false],
    ['a longer token', { authorization: 'Bearer local-token-2' }, '127.0.0.1', false],
    ['no header', {}, '127.0.0.1', false],
  ])('%s: %s', (_case, headers, localAddress, accepted) => {
    expect(authenticator.authenticate(request(headers, { localAddress }))).toBe(accepted);
  });
});

describe('ClientCertificateAuthenticator', () => {
  const SHA1 = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01';
  const authenticator = new ClientCertificateAuthenticator([normalizeThumbprint(SHA1)]);
  const tls = (fingerprint: string | undefined) => ({
    encrypted: true,
    getPeerCertificate: () => (fingerprint === undefined ? {} : { fingerprint, fingerprint256: '00:11' }),
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['an allowed certificate', tls(SHA1), true],
    ['an allowed certificate, thumbprint in lowercase', tls(SHA1.toLowerCase()), true],
    ['another certificate', tls('00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00'), false],
    ['no certificate', tls(undefined), false],
    ['a plain TCP socket', { encrypted: undefined }, false],
  ])('%s: %s', (_case, socket, accepted) => {
    expect(authenticator.authenticate(request({}, socket))).toBe(accepted);
  });
});

describe('LoopbackAnonymousAuthenticator', () => {
  const authenticator = new LoopbackAnonymousAuthenticator();

  it.each<[string, boolean]>([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.4', false],
    ['192.168.1.20', false],
  ])('a request on %s without a token: %s', (localAddress, accepted) => {
    expect(authenticator.authenticate(request({}, { localAddress }))).toBe(accepted);
  });
});
