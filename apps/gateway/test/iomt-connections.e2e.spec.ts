import { iomtConnectorCodec } from '@iomt/domain';
import { CosmosAccountRegistryManagementRepository } from '@iomt/persistence';
import { arm, connectorId, IOMT_API, registerSubscription, serviceId, nameIn } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { partitionSnapshot } from './support/store-inspection';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

describe('IoMT connector connections and their keys', () => {
  let gateway: GatewayUnderTest;
  let worker: TestOperationWorker;
  let sub: string;
  beforeAll(async () => {
    gateway = await startGateway();
    worker = await TestOperationWorker.start(gateway.stack);
  });
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
  });
  beforeEach(async () => {
    sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
    await worker.whenAccepted(await arm(gateway).put(serviceId(sub, 'rg', nameIn(sub, 'fhir1')), { location: 'westus2', kind: 'fhir-R4' }).expect(201));
    await worker.whenAccepted(await arm(gateway).put(connectorId(sub, 'rg', nameIn(sub, 'fhir1'), 'conn1'), { location: 'westus2' }, IOMT_API).expect(201));
  });

  const connection = (name: string) => `${connectorId(sub, 'rg', nameIn(sub, 'fhir1'), 'conn1')}/connections/${name}`;
  const put = (name: string, body: unknown = { location: 'westus2' }) => arm(gateway).put(connection(name), body, IOMT_API);
  const get = (path: string) => arm(gateway).get(path, IOMT_API);
  const post = (path: string, body: unknown = {}) => arm(gateway).post(path, body, IOMT_API);

  it('creates a connection (201 with LRO headers), lists it, and answers an identical PUT with 200', async () => {
    const created = await put('devices-a').expect(201);
    expect(created.body).toMatchObject({ id: connection('devices-a'), name: 'devices-a', type: 'Microsoft.HealthcareApis/services/iomtconnectors/connections', properties: { provisioningState: 'Accepted' } });
    await worker.whenAccepted(created);
    expect((await get(connection('devices-a')).expect(200)).body.properties.provisioningState).toBe('Succeeded');
    const list = await get(`${connectorId(sub, 'rg', nameIn(sub, 'fhir1'), 'conn1')}/connections`).expect(200);
    expect(list.body.value.map((c: { name: string }) => c.name)).toEqual(['devices-a']);
    const again = await put('devices-a').expect(200);
    expect(again.headers['azure-asyncoperation']).toBeUndefined();
  });

  it('reads keys from Azure on demand, regenerates one slot, and neither stores nor logs them', async () => {
    await worker.whenAccepted(await put('devices-k').expect(201));
    const keys = await post(`${connection('devices-k')}/listKeys`).expect(200);
    expect(keys.body).toMatchObject({ keyName: 'devices-k', primaryKey: expect.any(String), secondaryKey: expect.any(String) });
    expect(keys.body.primaryConnectionString).toContain(`SharedAccessKeyName=devices-k;SharedAccessKey=${keys.body.primaryKey}`);
    const regenerated = await post(`${connection('devices-k')}/regenerateKey`, { keyType: 'Primary' }).expect(200);
    expect(regenerated.body.primaryKey).not.toBe(keys.body.primaryKey);
    expect(regenerated.body.secondaryKey).toBe(keys.body.secondaryKey);
    const { accountRegistry } = await gateway.stack.containers();
    const { resources } = await accountRegistry.items.query('SELECT * FROM c').fetchAll();
    const stored = JSON.stringify(resources);
    const logged = gateway.logs.raw.join('\n');
    for (const secret of [keys.body.primaryKey, keys.body.secondaryKey, regenerated.body.primaryKey]) {
      expect(stored).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
  });

  it.each<[string, unknown]>([
    ['an unknown key type', { keyType: 'Tertiary' }],
    ['no key type', {}],
  ])('answers 400 to regenerateKey with %s', async (_case, body) => {
    await worker.whenAccepted(await put('devices-r').expect(201));
    expect((await post(`${connection('devices-r')}/regenerateKey`, body).expect(400)).body.error.code).toBe('InvalidRequestContent');
  });

  it('answers 404 for the keys of a connection that does not exist, 409 while it is being created', async () => {
    await post(`${connection('devices-none')}/listKeys`).expect(404);
    const release = worker.hold();
    const created = await put('devices-slow').expect(201);
    const busy = await post(`${connection('devices-slow')}/listKeys`).expect(409);
    expect(busy.body.error.code).toBe('Conflict');
    release();
    await worker.whenAccepted(created);
  });

  it('deletes a connection: 202, Deleting while it runs, then 404 and 204', async () => {
    await worker.whenAccepted(await put('devices-d').expect(201));
    const release = worker.hold();
    const deletion = await arm(gateway).delete(connection('devices-d'), IOMT_API).expect(202);
    expect((await get(connection('devices-d')).expect(200)).body.properties.provisioningState).toBe('Deleting');
    expect((await arm(gateway).delete(connection('devices-d'), IOMT_API).expect(202)).headers['azure-asyncoperation']).toBe(deletion.headers['azure-asyncoperation']);
    release();
    await worker.whenAccepted(deletion);
    await get(connection('devices-d')).expect(404);
    await arm(gateway).delete(connection('devices-d'), IOMT_API).expect(204);
    await arm(gateway).follow(deletion.headers['location']).expect(204);
  });

  it.each<[string, string, unknown, number, string]>([
    ['an uppercase name', 'Devices', { location: 'westus2' }, 400, 'InvalidResourceName'],
    ['another location', 'devices-x', { location: 'uksouth' }, 400, 'InvalidLocation'],
    ['an unknown property', 'devices-x', { properties: { rights: ['Listen'] } }, 400, 'InvalidRequestContent'],
  ])('refuses %s, storing nothing', async (_case, name, body, status, code) => {
    const before = await partitionSnapshot(gateway.stack, sub);
    expect((await put(name, body).expect(status)).body.error.code).toBe(code);
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it('refuses a 13th connection with 409 QuotaExceeded', async () => {
    const { accountRegistry } = await gateway.stack.containers();
    const registry = new CosmosAccountRegistryManagementRepository(accountRegistry, 60);
    const parent = await registry.getAccountByName(sub, 'rg', nameIn(sub, 'fhir1'));
    const [stored] = (await registry.getChildResourcesByParentId(sub, parent?.id ?? '', 'iomtConnector')).items;
    const names = Array.from({ length: 12 }, (_, i) => `existing-${i}`);
    await registry.upsertChildResource(iomtConnectorCodec.parse({ ...stored, eventHub: { ...stored.eventHub, deviceWritePolicyNames: names } }));
    expect((await put('devices-13').expect(409)).body.error.code).toBe('QuotaExceeded');
  });
});
