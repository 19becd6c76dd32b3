import { arm, registerSubscription, serviceId } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { operationIdOf, partitionSnapshot, peekOperationMessages, pendingOperations, storedOperation } from './support/store-inspection';

jest.setTimeout(30_000);

const BODY = { location: 'West US 2', kind: 'fhir-R4', tags: { team: 'iomt' } };

/** FHIR services without a worker: every accepted operation stays Requested. */
describe('services (FHIR) without a worker', () => {
  let gateway: GatewayUnderTest;
  beforeAll(async () => {
    gateway = await startGateway({ MAX_QUEUED_OPERATIONS_PER_SUBSCRIPTION: '3' });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const registered = async () => {
    const subscriptionId = newSubscriptionId();
    await registerSubscription(gateway, subscriptionId);
    return subscriptionId;
  };

  it('creates: 201, the target state Accepted, LRO headers on the referer host, account and operation stored, operation published', async () => {
    const sub = await registered();
    const id = serviceId(sub, 'RG-One', 'fhir-create');
    const response = await arm(gateway).put(id, BODY).expect(201);

    const asyncUrl = `https://management.azure.com/subscriptions/${sub}/providers/Microsoft.HealthcareApis/locations/westus2/operationstatuses/`;
    expect(response.headers['azure-asyncoperation']).toMatch(new RegExp(`^${asyncUrl}[0-9a-f-]{36}\\?api-version=2023-11-01$`));
    expect(response.headers['location']).toBe(response.headers['azure-asyncoperation'].replace('operationstatuses', 'operationresults'));
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).toMatchObject({
      id,
      name: 'fhir-create',
      type: 'Microsoft.HealthcareApis/services',
      kind: 'fhir-R4',
      location: 'westus2',
      tags: { team: 'iomt' },
      properties: { provisioningState: 'Accepted', cosmosDbConfiguration: { offerThroughput: 400 } },
    });

    const operationId = operationIdOf(response.headers['azure-asyncoperation']);
    expect(await storedOperation(gateway.stack, sub, operationId)).toMatchObject({
      provisioningOperation: 0,
      provisioningStatus: 0,
      resourceTypeName: 'services',
      resourceGroupName: 'RG-One',
      primaryRegionName: 'westus2',
    });
    const [message] = await peekOperationMessages(gateway.stack, sub);
    expect(message).toMatchObject({ sessionId: sub, messageId: operationId, subject: 'operation.requested' });
    expect(message.body).toEqual({ operationId, subscriptionId: sub, resourceId: id });
  });

  it('keeps the caller casing of the resource group and name and finds them ignoring case', async () => {
    const sub = await registered();
    await arm(gateway).put(serviceId(sub, 'Mixed-RG', 'fhir-mixed'), BODY).expect(201);
    const response = await arm(gateway).get(serviceId(sub, 'mixed-rg', 'FHIR-MIXED')).expect(200);
    expect(response.body.id).toBe(serviceId(sub, 'Mixed-RG', 'fhir-mixed'));
  });

  it.each<[string, unknown, string, string | undefined]>([
    ['no body', undefined, 'InvalidRequestContent', 'body'],
    ['no location', { kind: 'fhir' }, 'InvalidRequestContent', undefined],
    ['an unknown kind', { ...BODY, kind: 'fhir-R5' }, 'InvalidRequestContent', undefined],
    ['an unknown top-level property', { ...BODY, sku: { name: 'S1' } }, 'InvalidRequestContent', undefined],
    ['an unknown nested property', { ...BODY, properties: { cosmosDbConfiguration: { throughput: 400 } } }, 'InvalidRequestContent', undefined],
    ['a wrongly typed property', { ...BODY, properties: { cosmosDbConfiguration: { offerThroughput: 'lots' } } }, 'InvalidRequestContent', undefined],
    ['a throughput out of range', { ...BODY, properties: { cosmosDbConfiguration: { offerThroughput: 100 } } }, 'InvalidRequestContent', undefined],
    ['an access policy that is not a GUID', { ...BODY, properties: { accessPolicies: [{ objectId: 'me' }] } }, 'InvalidRequestContent', undefined],
    ['CORS credentials with a wildcard origin', { ...BODY, properties: { corsConfiguration: { origins: ['*'], allowCredentials: true } } }, 'InvalidRequestContent', undefined],
    ['a region the provider is not in', { ...BODY, location: 'East US' }, 'LocationNotAvailableForResourceType', 'location'],
    ['a malformed location', { ...BODY, location: 'west us 2!' }, 'InvalidLocation', 'location'],
    ['a body that is an array', [BODY], 'InvalidRequestContent', undefined],
  ])('answers 400 for %s and stores nothing', async (_case, body, code, target) => {
    const sub = await registered();
    const before = await partitionSnapshot(gateway.stack, sub);
    const response = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-bad'), body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(response.headers['x-ms-failurecause']).toBe('client');
    if (target !== undefined) expect(response.body.error.target).toBe(target);
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it('lists every problem of a body in details, each with its path', async () => {
    const sub = await registered();
    const body = { location: 'westus2', kind: 'fhir', properties: { cosmosDbConfiguration: { offerThroughput: 5 }, accessPolicies: [{ objectId: 'x' }] } };
    const response = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-details'), body).expect(400);
    const targets = (response.body.error.details as { target: string }[]).map((d) => d.target);
    expect(targets).toEqual(expect.arrayContaining(['properties.cosmosDbConfiguration.offerThroughput', 'properties.accessPolicies[0].objectId']));
  });

  it.each([
    ['a subscription id that is not a GUID', (sub: string) => serviceId(`${sub}x`, 'rg', 'fhir1'), 'InvalidSubscriptionId'],
    ['a resource group ending with a period', (sub: string) => serviceId(sub, 'rg.', 'fhir1'), 'InvalidResourceGroupName'],
    ['a name of two characters', (sub: string) => serviceId(sub, 'rg', 'ab'), 'InvalidResourceName'],
    ['a name with an underscore', (sub: string) => serviceId(sub, 'rg', 'fhir_1'), 'InvalidResourceName'],
    ['a new name in uppercase', (sub: string) => serviceId(sub, 'rg', 'FhirUpper'), 'InvalidResourceName'],
  ])('answers 400 for %s', async (_case, pathOf, code) => {
    const sub = await registered();
    const before = await partitionSnapshot(gateway.stack, sub);
    const response = await arm(gateway).put(pathOf(sub), BODY).expect(400);
    expect(response.body.error.code).toBe(code);
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it('refuses writes to a subscription ARM never registered, with 400', async () => {
    const sub = newSubscriptionId();
    const response = await arm(gateway).put(serviceId(sub, 'rg', 'fhir1'), BODY).expect(400);
    expect(response.body.error.code).toBe('SubscriptionNotRegistered');
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual({});
  });

  it('answers 409 to a PUT or PATCH while the service has an unfinished operation, changing nothing', async () => {
    const sub = await registered();
    const id = serviceId(sub, 'rg', 'fhir-busy');
    await arm(gateway).put(id, BODY).expect(201);
    const before = await partitionSnapshot(gateway.stack, sub);
    const put = await arm(gateway).put(id, { ...BODY, tags: {} }).expect(409);
    expect(put.body.error).toMatchObject({ code: 'Conflict', target: id });
    await arm(gateway).patch(id, { tags: {} }).expect(409);
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it('answers 429 with Retry-After when the subscription already has the most queued operations', async () => {
    const sub = await registered();
    for (const name of ['fhir-q1', 'fhir-q2', 'fhir-q3']) await arm(gateway).put(serviceId(sub, 'rg', name), BODY).expect(201);
    const before = await partitionSnapshot(gateway.stack, sub);
    const response = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-q4'), BODY).expect(429);
    expect(response.headers['retry-after']).toBe('10');
    expect(response.body.error.code).toBe('TooManyRequests');
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
    expect(await pendingOperations(gateway.stack, sub)).toHaveLength(3);
  });

  it('checks If-Match and If-None-Match: 412 PreconditionFailed', async () => {
    const sub = await registered();
    const id = serviceId(sub, 'rg', 'fhir-etag');
    const missing = await arm(gateway).put(id, BODY).set('if-match', '*').expect(412);
    expect(missing.body.error.code).toBe('PreconditionFailed');
    await arm(gateway).put(id, BODY).set('if-none-match', '*').expect(201);
    await arm(gateway).put(id, BODY).set('if-none-match', '*').expect(412);
  });

  it('answers 404 ResourceNotFound to GET and PATCH of a missing service, and 204 to its DELETE', async () => {
    const sub = await registered();
    const id = serviceId(sub, 'rg', 'fhir-missing');
    const get = await arm(gateway).get(id).expect(404);
    expect(get.body.error).toEqual({
      code: 'ResourceNotFound',
      message: "The Resource 'Microsoft.HealthcareApis/services/fhir-missing' under resource group 'rg' was not found.",
    });
    await arm(gateway).patch(id, { tags: {} }).expect(404);
    const deleted = await arm(gateway).delete(id).expect(204);
    expect(deleted.headers['location']).toBeUndefined();
  });

  it('answers 400 to a PATCH with properties it cannot change', async () => {
    const sub = await registered();
    const response = await arm(gateway).patch(serviceId(sub, 'rg', 'fhir1'), { location: 'uksouth' }).expect(400);
    expect(response.body.error.message).toContain('location');
  });

  it('lists by resource group and by subscription, a page at a time, with nextLink on the referer host', async () => {
    const sub = await registered();
    await arm(gateway).put(serviceId(sub, 'rg-a', 'fhir-a1'), BODY).expect(201);
    await arm(gateway).put(serviceId(sub, 'rg-a', 'fhir-a2'), BODY).expect(201);
    await arm(gateway).put(serviceId(sub, 'rg-b', 'fhir-b1'), BODY).expect(201);
    const inGroup = await arm(gateway).get(`/subscriptions/${sub}/resourceGroups/RG-A/providers/Microsoft.HealthcareApis/services`).expect(200);
    expect(inGroup.body.value.map((s: { name: string }) => s.name)).toEqual(['fhir-a1', 'fhir-a2']);
    expect(inGroup.body.nextLink).toBeUndefined();

    const names: string[] = [];
    let page = await arm(gateway).get(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/services?$top=1`).expect(200);
    names.push(...page.body.value.map((s: { name: string }) => s.name));
    while (page.body.nextLink !== undefined) {
      expect(page.body.nextLink).toMatch(/^https:\/\/management\.azure\.com\/subscriptions\/[^?]+\?\$top=1&api-version=2023-11-01&\$skipToken=[\w-]+$/);
      page = await arm(gateway).follow(page.body.nextLink).expect(200);
      names.push(...page.body.value.map((s: { name: string }) => s.name));
    }
    expect(names.sort()).toEqual(['fhir-a1', 'fhir-a2', 'fhir-b1']);
  });

  it('refuses a $skipToken on another list, a forged one and a bad $top with 400 InvalidParameter', async () => {
    const sub = await registered();
    await arm(gateway).put(serviceId(sub, 'rg-a', 'fhir-t1'), BODY).expect(201);
    await arm(gateway).put(serviceId(sub, 'rg-a', 'fhir-t2'), BODY).expect(201);
    const first = await arm(gateway).get(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/services?$top=1`).expect(200);
    const token = new URL(first.body.nextLink).searchParams.get('$skipToken') ?? '';
    const elsewhere = `/subscriptions/${sub}/resourceGroups/rg-a/providers/Microsoft.HealthcareApis/services?$skipToken=${token}`;
    const replayed = await arm(gateway).get(elsewhere).expect(400);
    expect(replayed.body.error).toMatchObject({ code: 'InvalidParameter', target: '$skipToken' });
    await arm(gateway).get(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/services?$skipToken=abc`).expect(400);
    const top = await arm(gateway).get(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/services?$top=0`).expect(400);
    expect(top.body.error.target).toBe('$top');
  });

  it('lists nothing, not an error, for a subscription it does not know', async () => {
    const response = await arm(gateway).get(`/subscriptions/${newSubscriptionId()}/providers/Microsoft.HealthcareApis/services`).expect(200);
    expect(response.body).toEqual({ value: [] });
  });
});
