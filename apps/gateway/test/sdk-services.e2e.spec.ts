import { bearerTokenAuthenticationPolicyName, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { HealthcareApisManagementClient } from '@azure/arm-healthcareapis';
import { registerSubscription } from './support/arm-calls';
import { GatewayUnderTest, LOCAL_TOKEN, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(60_000);

/** The official client pointed at the gateway, as ARM's own clients are: the local token instead of an ARM token. */
function sdkClient(url: string, subscriptionId: string): HealthcareApisManagementClient {
  const credential = { getToken: async () => ({ token: 'unused', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const client = new HealthcareApisManagementClient(credential, subscriptionId, {
    endpoint: url,
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });
  client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
  const localToken: PipelinePolicy = {
    name: 'localArmToken',
    sendRequest: (request, next) => {
      request.headers.set('authorization', `Bearer ${LOCAL_TOKEN}`);
      return next(request);
    },
  };
  client.pipeline.addPolicy(localToken, { phase: 'Sign' });
  return client;
}

describe('the official @azure/arm-healthcareapis client against the gateway', () => {
  let gateway: GatewayUnderTest;
  let worker: TestOperationWorker;
  let sub: string;
  let client: HealthcareApisManagementClient;
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
    client = sdkClient(gateway.url, sub);
  });

  const collect = async <T>(iterator: AsyncIterable<T>): Promise<T[]> => {
    const items: T[] = [];
    for await (const item of iterator) items.push(item);
    return items;
  };

  it('creates, gets, lists, updates and deletes a service, polling each operation to its end', async () => {
    const created = await client.services.beginCreateOrUpdateAndWait('rg-sdk', 'fhir-sdk', {
      location: 'westus2',
      kind: 'fhir-R4',
      tags: { owner: 'sdk' },
      properties: { cosmosDbConfiguration: { offerThroughput: 1000 }, accessPolicies: [{ objectId: '2d2a5f2e-1c3b-4a5d-9e8f-0a1b2c3d4e5f' }] },
    });
    expect(created).toMatchObject({
      name: 'fhir-sdk',
      type: 'Microsoft.HealthcareApis/services',
      kind: 'fhir-R4',
      location: 'westus2',
      tags: { owner: 'sdk' },
      properties: { provisioningState: 'Succeeded', cosmosDbConfiguration: { offerThroughput: 1000 } },
    });

    const fetched = await client.services.get('rg-sdk', 'fhir-sdk');
    expect(fetched.etag).toBe(created.etag);
    expect((await collect(client.services.listByResourceGroup('rg-sdk'))).map((s) => s.name)).toEqual(['fhir-sdk']);
    expect((await collect(client.services.list())).map((s) => s.name)).toEqual(['fhir-sdk']);

    const updated = await client.services.beginUpdateAndWait('rg-sdk', 'fhir-sdk', { tags: { owner: 'sdk', stage: 'updated' } });
    expect(updated).toMatchObject({ tags: { owner: 'sdk', stage: 'updated' }, properties: { provisioningState: 'Succeeded' } });

    await client.services.beginDeleteAndWait('rg-sdk', 'fhir-sdk');
    await expect(client.services.get('rg-sdk', 'fhir-sdk')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    expect(await collect(client.services.list())).toEqual([]);
  });

  it('pages through lists with nextLink', async () => {
    for (const name of ['fhir-p1', 'fhir-p2', 'fhir-p3']) {
      await client.services.beginCreateOrUpdateAndWait('rg-pages', name, { location: 'westus2', kind: 'fhir-R4' });
    }
    const pages = [];
    const paged = sdkPagedWithTop(gateway.url, sub);
    for await (const page of paged) pages.push(page.map((s) => s.name));
    expect(pages).toEqual([['fhir-p1'], ['fhir-p2'], ['fhir-p3']]);
  });

  it('surfaces a failed operation as the poller error with its ARM code and message', async () => {
    worker.decide = () => 'fail';
    try {
      await expect(client.services.beginCreateOrUpdateAndWait('rg-sdk', 'fhir-failing', { location: 'westus2', kind: 'fhir-R4' })).rejects.toThrow(
        /long-running operation has failed\. InvalidRequestContent\. The test worker was told to fail/,
      );
    } finally {
      worker.decide = () => 'complete';
    }
  });

  it('surfaces validation errors with their ARM code and status', async () => {
    await expect(client.services.beginCreateOrUpdateAndWait('rg-sdk', 'fhir-east', { location: 'eastus', kind: 'fhir-R4' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'LocationNotAvailableForResourceType',
    });
  });

  it('checks name availability', async () => {
    const answer = await client.services.checkNameAvailability({ name: 'fhir-free-name', type: 'Microsoft.HealthcareApis/services' });
    expect(answer).toMatchObject({ nameAvailable: true });
  });
});

/** The SDK's list with `$top=1` added, to make the gateway page: a per-call policy edits the first request only. */
function sdkPagedWithTop(url: string, subscriptionId: string) {
  const client = sdkClient(url, subscriptionId);
  client.pipeline.addPolicy({
    name: 'top1',
    sendRequest: (request, next) => {
      if (!request.url.includes('$skipToken')) request.url += '&$top=1';
      return next(request);
    },
  });
  return client.services.listByResourceGroup('rg-pages').byPage();
}
