import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { TlsListener } from '../src/auth/tls-listener';
import { serviceId, SERVICES_API } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';

jest.setTimeout(30_000);

const ISSUER = 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/';
const AUDIENCE = 'https://management.azure.com/';

/** A path that needs authentication and answers 404 once authenticated. */
const protectedPath = () => `${serviceId(newSubscriptionId(), 'rg', 'fhir-auth')}?api-version=${SERVICES_API}`;

describe('Entra ID bearer tokens', () => {
  let gateway: GatewayUnderTest;
  let signingKey: KeyLike;
  let otherKey: KeyLike;
  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    signingKey = keys.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    gateway = await startGateway({
      LOCAL_ARM_TOKEN: '',
      ENTRA_ISSUERS: ISSUER,
      ENTRA_AUDIENCE: AUDIENCE,
      ENTRA_JWKS: JSON.stringify({ keys: [jwk] }),
    });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const token = (claims: { iss?: string; aud?: string; exp?: number }, key: KeyLike = signingKey) =>
    new SignJWT({ oid: 'arm' })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(key);

  it('accepts a token signed by a configured key, for the audience, from the issuer', async () => {
    const response = await gateway.http().get(protectedPath()).set('authorization', `Bearer ${await token({})}`);
    expect(response.status).toBe(404);
  });

  it.each<[string, () => Promise<string>]>([
    ['another issuer', () => token({ iss: 'https://sts.windows.net/another-tenant/' })],
    ['another audience', () => token({ aud: 'https://graph.microsoft.com/' })],
    ['an expired token', () => token({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a token signed by another key', () => token({}, otherKey)],
    ['an unsigned token', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"iss":"${ISSUER}","aud":"${AUDIENCE}"}`).toString('base64url')}.`],
    ['the local token, which this gateway does not accept', async () => 'gateway-test-token'],
  ])('refuses %s with 401', async (_case, make) => {
    const response = await gateway.http().get(protectedPath()).set('authorization', `Bearer ${await make()}`);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('AuthenticationFailed');
  });
});

describe('mutual TLS with a thumbprint allowlist', () => {
  let gateway: GatewayUnderTest;
  let dir: string;
  let tlsUrl: URL;
  const pem = (name: string) => readFileSync(join(dir, name));
  const certificate = (name: string) => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', `/CN=${name}`, '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.pem`)], { stdio: 'ignore' });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-mtls-'));
    for (const name of ['server', 'arm-client', 'stranger']) certificate(name);
    const thumbprint = new X509Certificate(pem('arm-client.pem')).fingerprint;
    gateway = await startGateway({
      TLS_PORT: '0',
      TLS_HOST: '127.0.0.1',
      TLS_CERT_FILE: join(dir, 'server.pem'),
      TLS_KEY_FILE: join(dir, 'server.key'),
      ARM_CLIENT_CERT_THUMBPRINTS: thumbprint,
    });
    tlsUrl = new URL(gateway.app.get(TlsListener).url ?? '');
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (client?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const options = {
        host: tlsUrl.hostname,
        port: tlsUrl.port,
        path: protectedPath(),
        ca: pem('server.pem'),
        rejectUnauthorized: false,
        ...(client === undefined ? {} : { cert: pem(`${client}.pem`), key: pem(`${client}.key`) }),
      };
      const req = httpsRequest(options, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('accepts a client certificate whose thumbprint is allowed', async () => {
    expect((await call('arm-client')).status).toBe(404);
  });

  it.each([
    ['a certificate not in the allowlist', 'stranger'],
    ['no client certificate', undefined],
  ])('refuses %s with 401 and the ARM error body', async (_case, client) => {
    const response = await call(client);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe('AuthenticationFailed');
  });

  it('accepts nothing certificate-based on the plain listener', async () => {
    const response = await gateway.http().get(protectedPath());
    expect(response.status).toBe(401);
  });
});
