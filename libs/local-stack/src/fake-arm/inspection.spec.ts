import {
  FAST_POLL,
  type FakeArmHarness,
  SUBSCRIPTION,
  connectorTemplate,
  http,
  startHarness,
} from './fake-arm.test-support';

describe('fake ARM inspection routes and protocol errors', () => {
  let h: FakeArmHarness;

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.fakeArm.stop());

  it('shows what exists through GET /_fake/state, filtered by ?type=', async () => {
    await h.resources.resourceGroups.createOrUpdate('rg', { location: 'westeurope' });
    await h.resources.deployments.beginCreateOrUpdateAndWait(
      'rg',
      'connector',
      {
        properties: {
          mode: 'Incremental',
          template: connectorTemplate(),
          parameters: { serviceName: { value: 'conn1' } },
        },
      },
      FAST_POLL,
    );

    const all = await http(h.fakeArm.endpoint, 'GET', '/_fake/state');
    const hubs = await http(h.fakeArm.endpoint, 'GET', '/_fake/state?type=microsoft.eventhub/namespaces/eventhubs');

    expect(all.body.resourceGroups).toEqual([expect.objectContaining({ name: 'rg', location: 'westeurope' })]);
    expect(all.body.resources).toHaveLength(11);
    expect(all.body.deployments).toEqual([
      expect.objectContaining({
        name: 'connector',
        resourceGroup: 'rg',
        properties: expect.objectContaining({ provisioningState: 'Succeeded' }),
      }),
    ]);
    expect(all.body.deployments[0].operations).toHaveLength(8);
    expect(hubs.body.resources.map((r: { name: string }) => r.name).sort()).toEqual(['devicedata', 'normalizeddata']);
    expect(JSON.stringify(all.body)).not.toContain(
      (await h.eventHubs.eventHubs.listKeys('rg', 'conn1-ns', 'devicedata', 'writer')).primaryKey,
    );
  });

  it('counts calls per method and route template and logs them in order; DELETE /_fake/calls clears them', async () => {
    await h.resources.resourceGroups.createOrUpdate('rg-1', { location: 'westeurope' });
    await h.resources.resourceGroups.createOrUpdate('rg-2', { location: 'westeurope' });
    await h.eventHubs.namespaces.beginCreateOrUpdateAndWait('rg-1', 'ns', { location: 'westeurope' }, FAST_POLL);

    const calls = await http(h.fakeArm.endpoint, 'GET', '/_fake/calls');

    expect(calls.body.counts).toEqual({
      'PUT /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}': 2,
      'PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventHub/namespaces/{name}': 1,
    });
    expect(calls.body.log.map((c: { seq: number; path: string }) => [c.seq, c.path.split('/').pop()])).toEqual([
      [1, 'rg-1'],
      [2, 'rg-2'],
      [3, 'ns'],
    ]);
    expect((await http(h.fakeArm.endpoint, 'DELETE', '/_fake/calls')).status).toBe(204);
    expect((await http(h.fakeArm.endpoint, 'GET', '/_fake/calls')).body).toMatchObject({
      total: 0,
      counts: {},
      log: [],
    });
  });

  it.each([
    [
      'an unknown ARM path',
      'GET',
      `/subscriptions/${SUBSCRIPTION}/unknownThings?api-version=1`,
      undefined,
      404,
      'NotFound',
    ],
    ['an unknown control route', 'GET', '/_fake/nothing', undefined, 404, 'NotFound'],
    ['a method the route does not serve', 'PATCH', '/_fake/reset', undefined, 405, 'MethodNotAllowed'],
    [
      'a request without api-version',
      'GET',
      `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg`,
      undefined,
      400,
      'MissingApiVersionParameter',
    ],
    [
      'malformed JSON',
      'PUT',
      `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg?api-version=1`,
      '{"location":',
      400,
      'InvalidRequestContent',
    ],
    [
      'a body that is not a resource definition',
      'PUT',
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv?api-version=1`,
      '{"tags":"x"}',
      400,
      'InvalidRequestContent',
    ],
    [
      'a provider path that is not a resource id',
      'PUT',
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.KeyVault?api-version=1`,
      '{}',
      400,
      'InvalidResourceId',
    ],
    [
      'an action the fake does not implement',
      'POST',
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Web/sites/app/host/default/listkeys?api-version=1`,
      undefined,
      404,
      'NotFound',
    ],
  ])('answers %s with an ARM error body', async (_name, method, path, body, status, code) => {
    const response = await http(h.fakeArm.endpoint, method, path, body);

    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('refuses a body over 4 MB with 413', async () => {
    const response = await http(
      h.fakeArm.endpoint,
      'PUT',
      `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg?api-version=1`,
      { location: 'x', tags: { big: 'x'.repeat(5 * 1024 * 1024) } },
    );

    expect(response).toMatchObject({ status: 413, body: { error: { code: 'RequestEntityTooLarge' } } });
  });
});
