import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { OperationType } from '@iomt/domain';
import { arm, connectorId, IOMT_API, registerSubscription, serviceId, nameIn } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId } from './support/gateway-under-test';
import { useGatewayWithWorker } from './support/gateway-with-worker';
import { operationIdOf, partitionSnapshot, pathOf, pendingOperations, storedOperation } from './support/store-inspection';
import type { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

const BODY = { location: 'westus2', kind: 'fhir-R4' };
const ADMIN_TOKEN = 'polling-identity-admin-token';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const LIGHTHOUSE_TENANT = '33e01921-4d64-4f8c-a055-5bdaffd5e33d';
const OBJECT = '5b307da8-43d4-492b-8b66-b0294ade872f';
const PUID = '10033FFF8A4A4B8E';
type Headers = Record<string, string>;

const ALICE: Headers = { 'x-ms-home-tenant-id': TENANT, 'x-ms-client-object-id': OBJECT };
const NO_ONE: Headers = {};

/** Operation polling is allowed only to whoever initiated the operation (arm-rpc.md §1.5, operation result rules). */
describe('operation status and result, authorised per initiator', () => {
  let gateway: GatewayUnderTest;
  let worker: TestOperationWorker;
  let sub: string;
  useGatewayWithWorker((g, w) => ([gateway, worker] = [g, w]), { ADMIN_TOKEN });
  beforeEach(async () => {
    sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
  });

  /** Creates a service as `caller` and waits for its operation to end; returns its LRO URLs. */
  const createdBy = async (caller: Headers, name = nameIn(sub, 'fhir1')) => {
    const put = await arm(gateway).put(serviceId(sub, 'rg', name), BODY).set(caller).expect(201);
    await worker.whenAccepted(put);
    return { status: put.headers['azure-asyncoperation'], result: put.headers['location'], id: operationIdOf(put.headers['azure-asyncoperation']) };
  };
  /** The status and result codes `caller` gets for an operation. */
  const polledBy = async (caller: Headers, urls: { status: string; result: string }) => [
    (await arm(gateway).follow(urls.status).set(caller)).status,
    (await arm(gateway).follow(urls.result).set(caller)).status,
  ];

  it('stores the initiator with the home tenant, the object id and the PUID, and nothing more about the caller', async () => {
    const caller = { ...ALICE, 'x-ms-client-tenant-id': LIGHTHOUSE_TENANT, 'x-ms-client-puid': PUID, 'x-ms-client-principal-name': 'alice@contoso.com', 'x-ms-client-ip-address': '203.0.113.7' };
    const { id } = await createdBy(caller);
    expect((await storedOperation(gateway.stack, sub, id))?.initiator).toStrictEqual({ homeTenantId: TENANT, objectId: OBJECT, puid: PUID });
    const { resource } = await (await gateway.stack.containers()).accountRegistry.item(id, sub).read();
    expect(resource.initiator).toStrictEqual({ homeTenantId: TENANT, objectId: OBJECT, puid: PUID });
    expect(JSON.stringify(resource)).not.toMatch(/alice@contoso\.com|203\.0\.113\.7|33e01921/);
  });

  it.each<[string, number[], Headers]>([
    ['the initiator', [200, 200], ALICE],
    ['the initiator, ids in upper case', [200, 200], { 'x-ms-home-tenant-id': TENANT.toUpperCase(), 'x-ms-client-object-id': OBJECT.toUpperCase() }],
    ['the initiator named by its client tenant', [200, 200], { 'x-ms-client-tenant-id': TENANT, 'x-ms-client-object-id': OBJECT }],
    ['another object id in the tenant', [404, 404], { ...ALICE, 'x-ms-client-object-id': randomUUID() }],
    ['the same object id in another tenant', [404, 404], { ...ALICE, 'x-ms-home-tenant-id': LIGHTHOUSE_TENANT }],
    ['the same object id with no tenant', [404, 404], { 'x-ms-client-object-id': OBJECT }],
    ['a caller with no identity headers', [404, 404], NO_ONE],
  ])('answers %s with %j', async (_case, expected, caller) => {
    expect(await polledBy(caller, await createdBy(ALICE))).toEqual(expected);
  });

  it('refuses with exactly the 404 of an unknown operation, so the operation is not revealed', async () => {
    const urls = await createdBy(ALICE);
    const unknownId = randomUUID();
    for (const url of [urls.status, urls.result]) {
      const refused = await arm(gateway).follow(url).set({ ...ALICE, 'x-ms-client-object-id': randomUUID() }).expect(404);
      const unknown = await arm(gateway).follow(url.replace(urls.id, unknownId)).set(ALICE).expect(404);
      expect(refused.body).toEqual(JSON.parse(JSON.stringify(unknown.body).replaceAll(unknownId, urls.id)));
      expect(refused.body.error.code).toBe('ResourceNotFound');
    }
  });

  it.each<[string, number[], Headers]>([
    ['the same PUID', [200, 200], { 'x-ms-home-tenant-id': TENANT, 'x-ms-client-puid': PUID }],
    ['another PUID', [404, 404], { 'x-ms-home-tenant-id': TENANT, 'x-ms-client-puid': '10033FFF8A4A4B8F' }],
    ['an object id but no PUID', [404, 404], ALICE],
    ['the same PUID in another tenant', [404, 404], { 'x-ms-home-tenant-id': LIGHTHOUSE_TENANT, 'x-ms-client-puid': PUID }],
  ])('falls back to the PUID for an initiator without an object id: %s gets %j', async (_case, expected, caller) => {
    expect(await polledBy(caller, await createdBy({ 'x-ms-home-tenant-id': TENANT, 'x-ms-client-puid': PUID }))).toEqual(expected);
  });

  it('lets anyone authorised for the subscription poll an operation no identity initiated (the official SDKs send none)', async () => {
    const urls = await createdBy(NO_ONE);
    expect((await storedOperation(gateway.stack, sub, urls.id))?.initiator).toBeUndefined();
    expect(await polledBy(NO_ONE, urls)).toEqual([200, 200]);
    expect(await polledBy(ALICE, urls)).toEqual([200, 200]);
  });

  it.each([
    ['x-ms-client-object-id', 'a'.repeat(129), 'must be at most 128 characters long'],
    ['x-ms-home-tenant-id', 't'.repeat(200), 'must be at most 128 characters long'],
    ['x-ms-client-puid', 'p'.repeat(129), 'must be at most 128 characters long'],
  ])('refuses a write with an over-long %s (400 naming it) and stores nothing', async (header, value, message) => {
    const before = await partitionSnapshot(gateway.stack, sub);
    const response = await arm(gateway).put(serviceId(sub, 'rg', nameIn(sub, 'fhir1')), BODY).set({ ...ALICE, [header]: value }).expect(400);
    expect(response.body.error).toMatchObject({ code: 'InvalidRequestContent', details: [{ code: 'InvalidParameter', target: header, message: `${header}: ${message}` }] });
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it('records no initiator on the deprovisioning of a Deleted subscription, even when the notification names a caller', async () => {
    await createdBy(ALICE);
    const release = worker.hold();
    try {
      await arm(gateway).put(`/subscriptions/${sub}`, { state: 'Deleted', registrationDate: new Date().toUTCString() }, '2.0').set(ALICE).expect(200);
      const [deprovision] = await pendingOperations(gateway.stack, sub);
      expect(deprovision).toMatchObject({ provisioningOperation: OperationType.Deprovision });
      expect(deprovision?.initiator).toBeUndefined();
      const statusPath = `/subscriptions/${sub}/providers/Microsoft.HealthcareApis/locations/westus2/operationStatuses/${deprovision?.id}`;
      await arm(gateway).get(statusPath).set(NO_ONE).expect(200);
    } finally {
      release();
    }
  });

  it('records no initiator on an operator’s key rotation, and polls on the admin API by the same rule', async () => {
    await createdBy(ALICE);
    const connector = await arm(gateway)
      .put(connectorId(sub, 'rg', nameIn(sub, 'fhir1'), 'conn1'), { location: 'westus2', properties: { serviceConfiguration: { resourceIdentityResolutionType: 'Create' } } }, IOMT_API)
      .set(ALICE)
      .expect(201);
    await worker.whenAccepted(connector);
    const path = `/admin${connectorId(sub, 'rg', nameIn(sub, 'fhir1'), 'conn1')}/rotateKeys?api-version=${IOMT_API}`;
    const admin = (test: Test) => test.set('authorization', `Bearer ${ADMIN_TOKEN}`).set('referer', `https://rp-admin.example.net${path}`);
    const rotation = await admin(gateway.http().post(path)).set(ALICE).expect(202);
    await worker.whenAccepted(rotation);
    expect((await storedOperation(gateway.stack, sub, operationIdOf(rotation.headers['azure-asyncoperation'])))?.initiator).toBeUndefined();
    await admin(gateway.http().get(pathOf(rotation.headers['azure-asyncoperation']))).expect(200);
    const customerStatus = `/admin${pathOf(connector.headers['azure-asyncoperation'])}`;
    await admin(gateway.http().get(customerStatus)).expect(404);
    await admin(gateway.http().get(customerStatus)).set(ALICE).expect(200);
  });
});
