import { arm, registerSubscription, serviceId, SERVICES_API } from './support/arm-calls';
import { GatewayUnderTest, LOCAL_TOKEN, newSubscriptionId, startGateway } from './support/gateway-under-test';

jest.setTimeout(30_000);

const SYSTEM_DATA = {
  createdBy: 'someone@contoso.example',
  createdByType: 'User',
  createdAt: '2026-01-02T03:04:05Z',
  lastModifiedBy: 'someone@contoso.example',
  lastModifiedByType: 'User',
  lastModifiedAt: '2026-01-02T03:04:05Z',
};

describe('ARM framework', () => {
  let gateway: GatewayUnderTest;
  let subscriptionId: string;
  beforeAll(async () => {
    gateway = await startGateway();
    subscriptionId = newSubscriptionId();
    await registerSubscription(gateway, subscriptionId);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const path = (name: string) => serviceId(subscriptionId, 'rg-framework', name);
  const versioned = (name: string) => `${path(name)}?api-version=${SERVICES_API}`;
  const body = { location: 'westus2', kind: 'fhir-R4' };

  describe('authentication', () => {
    it.each([
      ['no Authorization header', undefined],
      ['another token', 'Bearer not-the-token'],
      ['a Basic credential', `Basic ${Buffer.from(`x:${LOCAL_TOKEN}`).toString('base64')}`],
      ['the token without the Bearer scheme', LOCAL_TOKEN],
    ])('answers 401 AuthenticationFailed with %s', async (_case, authorization) => {
      const call = gateway.http().get(versioned('fhir-auth'));
      const response = await (authorization === undefined ? call : call.set('authorization', authorization));
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).toEqual({ error: { code: 'AuthenticationFailed', message: expect.any(String) } });
    });

    it('checks authentication before reading the body', async () => {
      const response = await gateway.http().put(versioned('fhir-auth')).set('content-type', 'text/plain').send('not json');
      expect(response.status).toBe(401);
    });
  });

  describe('api-version', () => {
    it('answers 400 MissingApiVersionParameter without one', async () => {
      const response = await gateway.http().get(path('fhir-x')).set('authorization', `Bearer ${LOCAL_TOKEN}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'MissingApiVersionParameter', target: 'api-version' });
    });

    it.each(['2020-05-01-preview', '2099-01-01', 'latest'])('answers 400 InvalidApiVersionParameter for %s on services', async (version) => {
      const response = await arm(gateway).get(path('fhir-x'), version);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('InvalidApiVersionParameter');
      expect(response.body.error.message).toContain('2023-11-01');
    });

    it('takes any supported services version, in any case', async () => {
      await arm(gateway).get(path('fhir-x'), '2021-06-01-PREVIEW').expect(404);
    });
  });

  describe('request bodies', () => {
    it.each([
      ['text/plain', 'location=westus2'],
      ['application/xml', '<service/>'],
      ['application/x-www-form-urlencoded', 'location=westus2'],
    ])('answers 415 UnsupportedMediaType for %s', async (contentType, text) => {
      const response = await arm(gateway).put(path('fhir-media'), text).set('content-type', contentType);
      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('UnsupportedMediaType');
    });

    it('answers 415 for a charset other than UTF-8', async () => {
      const response = await arm(gateway).put(path('fhir-media'), JSON.stringify(body)).set('content-type', 'application/json; charset=latin1');
      expect(response.status).toBe(415);
    });

    it('answers 400 InvalidRequestContent for malformed JSON, with the position', async () => {
      const response = await arm(gateway).put(path('fhir-json'), '{"location": "westus2",}').set('content-type', 'application/json');
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('InvalidRequestContent');
      expect(response.body.error.message).toMatch(/not valid JSON.*position/i);
    });

    it('answers 413 for a body over 4 MB and accepts one just under it', async () => {
      const big = JSON.stringify({ ...body, tags: { big: 'x'.repeat(4 * 1024 * 1024) } });
      const tooLarge = await arm(gateway).put(path('fhir-big'), big).set('content-type', 'application/json');
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.code).toBe('RequestEntityTooLarge');
      const almost = JSON.stringify({ ...body, tags: { note: 'x'.repeat(200) }, padding: ' '.repeat(3 * 1024 * 1024) });
      const accepted = await arm(gateway).put(path('fhir-big'), almost).set('content-type', 'application/json');
      // Read and parsed: the 400 names the unknown property, which proves the 3 MB body got through.
      expect(accepted.status).toBe(400);
      expect(accepted.body.error.message).toContain('padding');
    });
  });

  describe('request ids and headers', () => {
    it('sets x-ms-request-id on successes and failures, and echoes the client request id only when asked', async () => {
      const plain = await arm(gateway).get(path('fhir-none')).set('x-ms-client-request-id', 'client-1');
      expect(plain.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(plain.headers['x-ms-client-request-id']).toBeUndefined();
      const echoed = await arm(gateway)
        .get(path('fhir-none'))
        .set('x-ms-client-request-id', 'client-2')
        .set('x-ms-return-client-request-id', 'true');
      expect(echoed.headers['x-ms-client-request-id']).toBe('client-2');
      expect(echoed.headers['x-ms-request-id']).not.toBe(plain.headers['x-ms-request-id']);
    });

    it('logs the client and correlation request ids with the request', async () => {
      const response = await arm(gateway)
        .get(path('fhir-logged'))
        .set('x-ms-client-request-id', 'client-logged')
        .set('x-ms-correlation-request-id', 'correlation-logged');
      const lines = gateway.logs.filter((line) => line['requestId'] === response.headers['x-ms-request-id']);
      expect(lines).toEqual(
        expect.arrayContaining([expect.objectContaining({ clientRequestId: 'client-logged', correlationRequestId: 'correlation-logged' })]),
      );
    });

    it('stores x-ms-arm-resource-system-data, returns it as systemData, and keeps it out of the log', async () => {
      const put = await arm(gateway).put(path('fhir-sysdata'), body).set('x-ms-arm-resource-system-data', JSON.stringify(SYSTEM_DATA));
      expect(put.status).toBe(201);
      expect(put.body.systemData).toEqual(SYSTEM_DATA);
      const get = await arm(gateway).get(path('fhir-sysdata'));
      expect(get.body.systemData).toEqual(SYSTEM_DATA);
      expect(gateway.logs.raw.join('\n')).not.toContain('someone@contoso.example');
    });

    it('answers 400 for a malformed system data header', async () => {
      const response = await arm(gateway).put(path('fhir-sysdata-bad'), body).set('x-ms-arm-resource-system-data', '{not json');
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('InvalidRequestContent');
      await arm(gateway).get(path('fhir-sysdata-bad')).expect(404);
    });

    it('sends the resource etag as the ETag header', async () => {
      const put = await arm(gateway).put(path('fhir-etag'), body).expect(201);
      expect(put.headers['etag']).toBe(put.body.etag);
    });
  });

  describe('paths', () => {
    it.each([
      ['an unknown resource type', 'GET', `/subscriptions/${newSubscriptionId()}/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/w1`],
      ['another namespace', 'GET', `/subscriptions/${newSubscriptionId()}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/v`],
      ['an unsupported verb', 'POST', `/subscriptions/${newSubscriptionId()}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1`],
    ])('answers 404 NotFound with the ARM body for %s', async (_case, method, target) => {
      const call = method === 'GET' ? gateway.http().get(target) : gateway.http().post(target);
      const response = await call.set('authorization', `Bearer ${LOCAL_TOKEN}`);
      expect(response.status).toBe(404);
      expect(response.headers['x-ms-request-id']).toBeDefined();
      expect(response.body.error.code).toBe('NotFound');
    });

    it('matches paths ignoring case', async () => {
      await arm(gateway).put(path('fhir-case'), body).expect(201);
      const upper = `/SUBSCRIPTIONS/${subscriptionId.toUpperCase()}/RESOURCEGROUPS/RG-FRAMEWORK/PROVIDERS/MICROSOFT.HEALTHCAREAPIS/SERVICES/FHIR-CASE`;
      const response = await arm(gateway).get(upper).expect(200);
      expect(response.body.name).toBe('fhir-case');
    });
  });

  it('lists the provider operations, register/action included', async () => {
    const response = await arm(gateway).get('/providers/Microsoft.HealthcareApis/operations').expect(200);
    const names = (response.body.value as { name: string }[]).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Microsoft.HealthcareApis/register/action', 'Microsoft.HealthcareApis/services/write']));
    expect(response.body.nextLink).toBeUndefined();
  });
});
