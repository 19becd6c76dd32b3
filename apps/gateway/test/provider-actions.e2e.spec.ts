import { ROUTE_CATALOG } from '../src/openapi/route-catalog';
import { arm, registerSubscription, serviceId } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { DEVICE_EVENT, DEVICE_MAPPING, FHIR_MAPPING } from './support/mapping-templates';

jest.setTimeout(30_000);

describe('provider actions and the OpenAPI document', () => {
  let gateway: GatewayUnderTest;
  let sub: string;
  beforeAll(async () => {
    gateway = await startGateway();
    sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  describe('validateMedtechMappings', () => {
    const validate = (body: unknown) => arm(gateway).post(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/validateMedtechMappings`, body);

    it('answers 200 without errors for a good pair, with the measurements of sample events', async () => {
      const response = await validate({ deviceMapping: DEVICE_MAPPING, fhirMapping: FHIR_MAPPING, deviceEvents: [DEVICE_EVENT] }).expect(200);
      expect(response.body.errors).toEqual([]);
      expect(response.body.deviceResults).toEqual([
        expect.objectContaining({ measurements: [expect.objectContaining({ type: 'heartrate', deviceId: 'device-1' })], errors: [] }),
      ]);
    });

    it('answers 200 listing every problem with its line info and path', async () => {
      const bad = { templateType: 'CollectionFhir', template: [{ templateType: 'CodeValueFhir', template: { typeName: 'hr', codes: 'x' } }] };
      const response = await validate({ fhirMapping: bad }).expect(200);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(response.body.errors[0]).toEqual({
        message: expect.any(String),
        level: 'ERROR',
        category: 'FHIRTRANSFORMATION',
        mapping: 'fhirMapping',
        path: expect.stringMatching(/^\$\.template\[0\]/),
        lineInfo: { lineNumber: 1, linePosition: expect.any(Number) },
      });
    });

    it.each<[string, unknown]>([
      ['no mapping', { deviceEvents: [] }],
      ['a mapping that is a number', { deviceMapping: 7 }],
      ['an unknown member', { deviceMapping: DEVICE_MAPPING, sample: {} }],
    ])('answers 400 for %s', async (_case, body) => {
      const response = await validate(body).expect(400);
      expect(['InvalidParameter', 'InvalidRequestContent']).toContain(response.body.error.code);
    });
  });

  describe('checkNameAvailability', () => {
    const check = (body: unknown) => arm(gateway).post(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/checkNameAvailability`, body);

    it('says a free name is available and one taken in any subscription is not', async () => {
      expect((await check({ name: 'fhir-free', type: 'Microsoft.HealthcareApis/services' }).expect(200)).body).toEqual({ nameAvailable: true });
      const other = newSubscriptionId();
      await registerSubscription(gateway, other);
      await arm(gateway).put(serviceId(other, 'rg', 'fhir-taken'), { location: 'westus2', kind: 'fhir' }).expect(201);
      const taken = await check({ name: 'fhir-taken', type: 'microsoft.healthcareapis/services' }).expect(200);
      expect(taken.body).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
    });

    it.each(['ab', 'fhir_1', 'Fhir1'])('says %s is Invalid', async (name) => {
      const response = await check({ name, type: 'Microsoft.HealthcareApis/services' }).expect(200);
      expect(response.body).toMatchObject({ nameAvailable: false, reason: 'Invalid', message: expect.any(String) });
    });

    it('answers 400 for another type or a missing name', async () => {
      expect((await check({ name: 'fhir1', type: 'Microsoft.HealthcareApis/workspaces' }).expect(400)).body.error.target).toBe('type');
      await check({ type: 'Microsoft.HealthcareApis/services' }).expect(400);
    });
  });

  describe('/openapi.json', () => {
    it('describes every ARM route the gateway serves, and only those', async () => {
      const response = await gateway.http().get('/openapi.json').expect(200);
      expect(response.body.openapi).toBe('3.0.3');
      const documented = new Set(
        Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
          Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
        ),
      );
      const router = (gateway.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
      const served = router.stack
        .flatMap((layer) => (layer.route === undefined ? [] : Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route?.path.replace(/:(\w+)/g, '{$1}')}`)))
        .filter((route) => !/healthz|readyz|metrics|openapi\.json|\*path|_ALL /.test(route));
      expect(new Set(served)).toEqual(documented);
      expect(ROUTE_CATALOG).toHaveLength(documented.size);
    });
  });
});
