import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { OperationStatus, OperationType, ResourceTypeName } from '@iomt/domain';
import { connectorId, IOMT_API, registerSubscription, serviceId, arm } from './support/arm-calls';
import { GatewayUnderTest, LOCAL_TOKEN, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { operationIdOf, partitionSnapshot, peekOperationMessages, pathOf, pendingOperations } from './support/store-inspection';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

const ADMIN_TOKEN = 'gateway-test-admin-token';
const ISSUER = 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/';
const AUDIENCE = 'https://management.azure.com/';
const ADMIN_ROLE = 'IomtRp.Admin';

/** `POST /admin/.../iomtconnectors/{name}/rotateKeys`: an operator forces a key rotation (issue 7). */
describe('admin API: forcing a connector key rotation', () => {
  let gateway: GatewayUnderTest;
  let signingKey: KeyLike;
  let sub: string;
  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    signingKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    gateway = await startGateway({
      ADMIN_TOKEN,
      ADMIN_ENTRA_ROLE: ADMIN_ROLE,
      ENTRA_ISSUERS: ISSUER,
      ENTRA_AUDIENCE: AUDIENCE,
      ENTRA_JWKS: JSON.stringify({ keys: [jwk] }),
    });
    // Provisioned service and connector, then no worker: what the tests enqueue stays Requested.
    const worker = await TestOperationWorker.start(gateway.stack);
    sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
    await worker.whenAccepted(await arm(gateway).put(serviceId(sub, 'rg', 'fhir1'), { location: 'westus2', kind: 'fhir-R4' }).expect(201));
    for (const name of ['conn1', 'conn2', 'conn3']) {
      const body = { location: 'westus2', properties: { serviceConfiguration: { resourceIdentityResolutionType: 'Create' } } };
      await worker.whenAccepted(await arm(gateway).put(connectorId(sub, 'rg', 'fhir1', name), body, IOMT_API).expect(201));
    }
    await worker.stop();
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const rotateKeysPath = (connector: string, service = 'fhir1') =>
    `/admin${connectorId(sub, 'rg', service, connector)}/rotateKeys?api-version=${IOMT_API}`;
  const rotate = (connector: string, authorization?: string, service?: string) => {
    const call = gateway.http().post(rotateKeysPath(connector, service)).set('referer', `https://rp-admin.example.net${rotateKeysPath(connector, service)}`);
    return authorization === undefined ? call : call.set('authorization', authorization);
  };
  const entraToken = (roles: string[]) =>
    new SignJWT({ oid: 'operator', roles })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 300)
      .sign(signingKey);

  it.each<[string, () => Promise<string | undefined>, number, string]>([
    ['no credential', async () => undefined, 401, 'AuthenticationFailed'],
    ['an unknown token', async () => 'Bearer not-a-token', 401, 'AuthenticationFailed'],
    ['ARM\'s local token', async () => `Bearer ${LOCAL_TOKEN}`, 403, 'Forbidden'],
    ['an Entra ID token ARM would be let in with, without the admin role', async () => `Bearer ${await entraToken([])}`, 403, 'Forbidden'],
    ['an Entra ID token with another role', async () => `Bearer ${await entraToken(['Reader'])}`, 403, 'Forbidden'],
  ])('refuses %s and enqueues nothing', async (_case, credential, status, code) => {
    const before = await partitionSnapshot(gateway.stack, sub);
    const response = await rotate('conn1', await credential());
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it('admits a rotation for the admin token: 202 with LRO headers on the admin API, the operation stored and published', async () => {
    const response = await rotate('conn1', `Bearer ${ADMIN_TOKEN}`).expect(202);

    const statusUrl = response.headers['azure-asyncoperation'];
    expect(statusUrl).toMatch(new RegExp(`^https://rp-admin\\.example\\.net/admin/subscriptions/${sub}/providers/Microsoft\\.HealthcareApis/locations/westus2/operationstatuses/[0-9a-f-]{36}\\?api-version=${IOMT_API}$`));
    expect(response.headers['location']).toBe(statusUrl.replace('operationstatuses', 'operationresults'));
    expect(response.headers['retry-after']).toBe('1');
    const operationId = operationIdOf(statusUrl);
    const [rotation] = await pendingOperations(gateway.stack, sub);
    expect(rotation).toMatchObject({ id: operationId, provisioningOperation: OperationType.RotateKeys, provisioningStatus: OperationStatus.Requested, resourceTypeName: ResourceTypeName.IomtConnector });
    const messages = await peekOperationMessages(gateway.stack, sub);
    expect(messages.map((m) => m.messageId)).toContain(operationId);

    const status = await gateway.http().get(pathOf(statusUrl)).set('authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
    expect(status.body).toMatchObject({ name: operationId, status: 'Requested' });
    await gateway.http().get(pathOf(statusUrl)).set('authorization', `Bearer ${LOCAL_TOKEN}`).expect(403);
  });

  it('admits a rotation for an Entra ID token carrying the admin role', async () => {
    await rotate('conn2', `Bearer ${await entraToken(['Reader', ADMIN_ROLE])}`).expect(202);
  });

  it('answers 409 while the connector has an unfinished operation (a pending rotation), enqueuing nothing', async () => {
    await rotate('conn3', `Bearer ${ADMIN_TOKEN}`).expect(202);
    const before = await partitionSnapshot(gateway.stack, sub);
    const response = await rotate('conn3', `Bearer ${ADMIN_TOKEN}`).expect(409);
    expect(response.body.error.code).toBe('Conflict');
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it.each([
    ['connector', 'conn-missing', 'fhir1', 'ResourceNotFound'],
    ['FHIR service', 'conn1', 'fhir-missing', 'ParentResourceNotFound'],
  ])('answers 404 for an unknown %s', async (_case, connector, service, code) => {
    const response = await rotate(connector, `Bearer ${ADMIN_TOKEN}`, service).expect(404);
    expect(response.body.error.code).toBe(code);
  });

  it('does not open ARM routes to the admin token', async () => {
    await arm(gateway).get(serviceId(sub, 'rg', 'fhir1')).set('authorization', `Bearer ${ADMIN_TOKEN}`).expect(401);
  });
});
