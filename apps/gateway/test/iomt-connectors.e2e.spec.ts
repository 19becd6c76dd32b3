import { arm, connectorId, IOMT_API, registerSubscription, serviceId, nameIn } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { DEVICE_MAPPING, FHIR_MAPPING } from './support/mapping-templates';
import { partitionSnapshot } from './support/store-inspection';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

describe('IoMT connectors and their mappings', () => {
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
  });

  const done = (response: { headers: Record<string, string> }) => worker.whenAccepted(response);
  const service = async (name = nameIn(sub, 'fhir-parent')) => {
    await done(await arm(gateway).put(serviceId(sub, 'rg', name), { location: 'westus2', kind: 'fhir-R4' }).expect(201));
  };
  const connector = (name = 'conn1') => connectorId(sub, 'rg', nameIn(sub, 'fhir-parent'), name);
  const iomt = {
    put: (path: string, body: unknown) => arm(gateway).put(path, body, IOMT_API),
    get: (path: string) => arm(gateway).get(path, IOMT_API),
    delete: (path: string) => arm(gateway).delete(path, IOMT_API),
  };

  describe('connectors', () => {
    it('creates under a provisioned FHIR service: 201 with LRO headers, then Succeeded', async () => {
      await service();
      const put = await iomt.put(connector(), { location: 'West US 2', properties: { serviceConfiguration: { resourceIdentityResolutionType: 'Create' } } }).expect(201);
      expect(put.headers['azure-asyncoperation']).toContain('/locations/westus2/operationstatuses/');
      expect(put.body).toMatchObject({
        id: connector(),
        name: 'conn1',
        type: 'Microsoft.HealthcareApis/services/iomtconnectors',
        location: 'westus2',
        properties: { provisioningState: 'Accepted', serviceConfiguration: { resourceIdentityResolutionType: 'Create' } },
      });
      await done(put);
      const get = await iomt.get(connector()).expect(200);
      expect(get.body.properties.provisioningState).toBe('Succeeded');
      const result = await arm(gateway).follow(put.headers['location']).expect(200);
      expect(result.body.name).toBe('conn1');
    });

    it('updates a connector with PUT (200, Updating), keeping mappings the body leaves out', async () => {
      await service();
      await done(await iomt.put(connector(), { location: 'westus2', properties: { fhirMapping: { content: FHIR_MAPPING } } }).expect(201));
      const release = worker.hold();
      const update = await iomt.put(connector(), { location: 'westus2', tags: { stage: 'two' } }).expect(200);
      expect(update.body).toMatchObject({ tags: { stage: 'two' }, properties: { provisioningState: 'Updating', fhirMapping: { content: FHIR_MAPPING } } });
      const again = await iomt.put(connector(), { location: 'westus2' }).expect(409);
      expect(again.body.error.code).toBe('Conflict');
      release();
      await done(update);
      expect((await iomt.get(connector()).expect(200)).body.properties.provisioningState).toBe('Succeeded');
    });

    it('takes the seed default resolution type Lookup and initial mappings', async () => {
      await service();
      const put = await iomt.put(connector(), { location: 'westus2', properties: { deviceMapping: { content: DEVICE_MAPPING }, fhirMapping: { content: FHIR_MAPPING } } }).expect(201);
      expect(put.body.properties).toMatchObject({ serviceConfiguration: { resourceIdentityResolutionType: 'Lookup' }, deviceMapping: { content: DEVICE_MAPPING } });
    });

    it('answers 404 ParentResourceNotFound under a missing FHIR service, and 409 under one still provisioning', async () => {
      const missing = await iomt.put(connector(), { location: 'westus2' }).expect(404);
      expect(missing.body.error.code).toBe('ParentResourceNotFound');
      await iomt.get(connector()).expect(404);
      const release = worker.hold();
      const parent = await arm(gateway).put(serviceId(sub, 'rg', nameIn(sub, 'fhir-parent')), { location: 'westus2', kind: 'fhir-R4' }).expect(201);
      const before = await partitionSnapshot(gateway.stack, sub);
      const busy = await iomt.put(connector(), { location: 'westus2' }).expect(409);
      expect(busy.body.error.code).toBe('ParentResourceNotProvisioned');
      expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
      release();
      await done(parent);
    });

    it.each<[string, unknown, string]>([
      ['a location other than its FHIR service', { location: 'uksouth' }, 'InvalidLocation'],
      ['an unknown resolution type', { location: 'westus2', properties: { serviceConfiguration: { resourceIdentityResolutionType: 'Guess' } } }, 'InvalidRequestContent'],
      ['an unknown property', { location: 'westus2', properties: { ingestionEndpoint: {} } }, 'InvalidRequestContent'],
      ['no location', { properties: {} }, 'InvalidRequestContent'],
    ])('answers 400 for %s, storing nothing', async (_case, body, code) => {
      await service();
      const before = await partitionSnapshot(gateway.stack, sub);
      const response = await iomt.put(connector(), body).expect(400);
      expect(response.body.error.code).toBe(code);
      expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
    });

    it('answers 400 listing every mapping problem with its line and position in the body and its path', async () => {
      await service();
      const device = { ...DEVICE_MAPPING, template: [{ templateType: 'JsonPathContent', template: { typeName: '' } }] };
      const text = JSON.stringify({ location: 'westus2', properties: { deviceMapping: { content: device } } }, null, 2);
      const response = await iomt.put(connector(), text).set('content-type', 'application/json').expect(400);
      const details = response.body.error.details as { code: string; message: string; target: string }[];
      expect(details.every((d) => d.code === 'InvalidMapping')).toBe(true);
      expect(details.map((d) => d.target)).toContain('properties.deviceMapping.content.template[0].template.typeName');
      const typeNameLine = text.split('\n').findIndex((line) => line.includes('"typeName"')) + 1;
      expect(details.find((d) => d.target.endsWith('.typeName'))?.message).toContain(`Line ${typeNameLine}, position`);
    });

    it('refuses a new name with uppercase letters and a FHIR services api-version', async () => {
      await service();
      expect((await iomt.put(connector('Conn1'), { location: 'westus2' }).expect(400)).body.error.code).toBe('InvalidResourceName');
      expect((await arm(gateway).get(connector()).expect(400)).body.error.code).toBe('InvalidApiVersionParameter');
    });

    it('lists the connectors of a FHIR service a page at a time, and 404 for a missing one', async () => {
      await service();
      await done(await iomt.put(connector('conn-a'), { location: 'westus2' }).expect(201));
      await done(await iomt.put(connector('conn-b'), { location: 'westus2' }).expect(201));
      const first = await arm(gateway).get(`${serviceId(sub, 'rg', nameIn(sub, 'fhir-parent'))}/iomtconnectors?$top=1`, IOMT_API).expect(200);
      expect(first.body.value).toHaveLength(1);
      const second = await arm(gateway).follow(first.body.nextLink).expect(200);
      expect([first.body.value[0].name, second.body.value[0].name].sort()).toEqual(['conn-a', 'conn-b']);
      const missing = await arm(gateway).get(`${serviceId(sub, 'rg', 'fhir-none')}/iomtconnectors`, IOMT_API).expect(404);
      expect(missing.body.error.code).toBe('ParentResourceNotFound');
    });

    it('deletes a connector (202, then 404 and 204), and its FHIR service deletion takes the others along', async () => {
      await service();
      await done(await iomt.put(connector('conn-a'), { location: 'westus2' }).expect(201));
      await done(await iomt.put(connector('conn-b'), { location: 'westus2' }).expect(201));
      const deletion = await iomt.delete(connector('conn-a')).expect(202);
      await done(deletion);
      await iomt.get(connector('conn-a')).expect(404);
      await iomt.delete(connector('conn-a')).expect(204);
      await done(await arm(gateway).delete(serviceId(sub, 'rg', nameIn(sub, 'fhir-parent'))).expect(202));
      await iomt.get(connector('conn-b')).expect(404);
    });
  });

  describe('mappings', () => {
    const mapping = (name: string) => `${connector()}/mappings/${name}`;
    const provisioned = async () => {
      await service();
      await done(await iomt.put(connector(), { location: 'westus2' }).expect(201));
    };

    it('sets a mapping (201, then 200), validated, and reads it back', async () => {
      await provisioned();
      await iomt.get(mapping('fhirMapping')).expect(404);
      const put = await iomt.put(mapping('fhirMapping'), { properties: { content: FHIR_MAPPING } }).expect(201);
      expect(put.body).toMatchObject({ name: 'fhirMapping', type: 'Microsoft.HealthcareApis/services/iomtconnectors/mappings', properties: { provisioningState: 'Accepted', content: FHIR_MAPPING } });
      await done(put);
      const get = await iomt.get(mapping('FHIRMAPPING')).expect(200);
      expect(get.body).toMatchObject({ id: mapping('fhirMapping'), properties: { provisioningState: 'Succeeded', content: FHIR_MAPPING } });
      const replaced = await iomt.put(mapping('fhirMapping'), { properties: { content: JSON.stringify(FHIR_MAPPING) } }).expect(200);
      await done(replaced);
      const result = await arm(gateway).follow(replaced.headers['location']).expect(200);
      expect(result.body).toMatchObject({ name: 'fhirMapping', properties: { provisioningState: 'Succeeded', content: FHIR_MAPPING } });
    });

    it('answers 400 with every problem of a bad template and stores nothing', async () => {
      await provisioned();
      const before = await partitionSnapshot(gateway.stack, sub);
      const bad = { templateType: 'CollectionContent', template: [{ templateType: 'JsonPathContent', template: { typeName: 'hr', values: 3 } }] };
      const response = await iomt.put(mapping('deviceMapping'), { properties: { content: bad } }).expect(400);
      expect(response.body.error.message).toMatch(/^Invalid deviceMapping mapping\. Validation errors: Line 1, position \d+/);
      expect(response.body.error.details.length).toBeGreaterThanOrEqual(3);
      expect(response.body.error.details[0].target).toMatch(/^properties\.content\.template\[0\]/);
      expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
    });

    it('answers 400 for another mapping name, 404 under a missing connector, 409 while the connector provisions', async () => {
      await service();
      expect((await iomt.put(mapping('otherMapping'), { properties: { content: FHIR_MAPPING } }).expect(400)).body.error.code).toBe('InvalidResourceName');
      await iomt.put(mapping('fhirMapping'), { properties: { content: FHIR_MAPPING } }).expect(404);
      const release = worker.hold();
      const put = await iomt.put(connector(), { location: 'westus2' }).expect(201);
      await iomt.put(mapping('fhirMapping'), { properties: { content: FHIR_MAPPING } }).expect(409);
      release();
      await done(put);
    });
  });
});
