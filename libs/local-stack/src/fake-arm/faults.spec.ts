import { startFakeArm } from './fake-arm-server';
import { type FakeArmHarness, http, startHarness } from './fake-arm.test-support';

const GET_GROUP = 'GET /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
const PUT_GROUP = 'PUT /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';

describe('fake ARM fault injection', () => {
  let h: FakeArmHarness;

  afterEach(() => h.fakeArm.stop());

  it('throttles with 429 + Retry-After, and the SDK retries until it gets through', async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate('rg', { location: 'westeurope' });
    h.fakeArm.setFaults({ throttleNext: 2, retryAfterSeconds: 0 });

    await expect(h.resources.resourceGroups.get('rg')).resolves.toMatchObject({ name: 'rg' });

    const calls = h.fakeArm.calls();
    expect(calls.counts[GET_GROUP]).toBe(3);
    expect(calls.log.slice(1).map((c) => [c.status, c.fault])).toEqual([
      [429, 'throttled'],
      [429, 'throttled'],
      [200, undefined],
    ]);
  });

  it('answers throttled requests with the ARM error body and the configured Retry-After', async () => {
    h = await startHarness({ faults: { throttleRate: 1, retryAfterSeconds: 7 } });

    const response = await http(h.fakeArm.endpoint, 'GET', '/subscriptions/s/resourcegroups/rg?api-version=2025-03-01');

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.body).toEqual({
      error: { code: 'TooManyRequests', message: expect.stringContaining('throttled') },
    });
  });

  it('fails writes at the failure rate with 500, retried by the SDK, while reads pass', async () => {
    h = await startHarness({}, { maxRetries: 2 });
    await h.resources.resourceGroups.createOrUpdate('rg', { location: 'westeurope' });
    h.fakeArm.setFaults({ failureRate: 1 });

    await expect(h.resources.resourceGroups.createOrUpdate('rg', { location: 'northeurope' })).rejects.toMatchObject({
      statusCode: 500,
      code: 'InternalServerError',
    });
    await expect(h.resources.resourceGroups.get('rg')).resolves.toMatchObject({ location: 'westeurope' });

    expect(h.fakeArm.calls().counts[PUT_GROUP]).toBe(1 + 3);
    expect(h.fakeArm.calls().log.filter((c) => c.fault === 'failed')).toHaveLength(3);
  });

  it('draws a partial failure rate from a seed, so the same seed repeats the same failures', async () => {
    h = await startHarness({ faults: { failureRate: 0.5, seed: 42 } }, { maxRetries: 0 });
    const run = async () => {
      const outcomes: boolean[] = [];
      for (let i = 0; i < 30; i++) {
        outcomes.push(
          await h.resources.resourceGroups.createOrUpdate(`rg-${i}`, { location: 'westeurope' }).then(
            () => true,
            () => false,
          ),
        );
      }
      return outcomes;
    };

    const first = await run();
    h.fakeArm.reset();
    const second = await run();

    const failures = first.filter((ok) => !ok).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(25);
    expect(second).toEqual(first);
    expect(h.fakeArm.calls().log.filter((c) => c.fault === 'failed')).toHaveLength(failures);
  });

  it('limits request faults to paths matching pathPattern', async () => {
    h = await startHarness({}, { maxRetries: 0 });
    await h.resources.resourceGroups.createOrUpdate('rg', { location: 'westeurope' });
    h.fakeArm.setFaults({ failNextWrites: 1, pathPattern: 'Microsoft\\.EventHub' });

    await h.resources.resourceGroups.createOrUpdate('rg', { location: 'westeurope', tags: { a: 'b' } });
    await expect(
      h.eventHubs.namespaces.beginCreateOrUpdateAndWait('rg', 'ns', { location: 'westeurope' }),
    ).rejects.toMatchObject({ statusCode: 500 });
    await expect(
      h.eventHubs.namespaces.beginCreateOrUpdateAndWait('rg', 'ns', { location: 'westeurope' }),
    ).resolves.toMatchObject({ name: 'ns' });
  });

  it('applies the configured latency to ARM calls, as the call log shows', async () => {
    h = await startHarness({ faults: { latencyMs: 15 } });

    await h.resources.resourceGroups.createOrUpdate('rg', { location: 'westeurope' });
    h.fakeArm.setFaults({ latencyMs: 0 });
    await h.resources.resourceGroups.get('rg');

    expect(h.fakeArm.calls().log.map((c) => c.latencyMs)).toEqual([15, 0]);
  });

  it('changes faults at run time through POST /_fake/faults and resets to the start settings', async () => {
    h = await startHarness({ faults: { latencyMs: 5 } });
    await h.resources.resourceGroups.createOrUpdate('rg', { location: 'westeurope' });

    const changed = await http(h.fakeArm.endpoint, 'POST', '/_fake/faults', { latencyMs: 0, throttleNext: 3 });
    const reset = await http(h.fakeArm.endpoint, 'POST', '/_fake/reset');
    const after = await http(h.fakeArm.endpoint, 'GET', '/_fake/faults');

    expect(changed).toMatchObject({ status: 200, body: { latencyMs: 0, throttleNext: 3 } });
    expect(reset.status).toBe(204);
    expect(after.body).toMatchObject({ latencyMs: 5, throttleNext: 0 });
    expect(h.fakeArm.snapshot()).toEqual({ resourceGroups: [], resources: [], deployments: [] });
    expect(h.fakeArm.calls().total).toBe(0);
  });

  it.each([
    [{ failureRate: 2 }, 'failureRate'],
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ pathPattern: '(' }, 'pathPattern: must be a valid regular expression'],
    [{ flakiness: 1 }, 'flakiness'],
    [[1, 2], 'must be a JSON object'],
  ])('refuses invalid fault settings %j with 400 and changes nothing', async (settings, message) => {
    h = await startHarness();

    const response = await http(h.fakeArm.endpoint, 'POST', '/_fake/faults', settings);

    expect(response).toMatchObject({
      status: 400,
      body: { error: { code: 'InvalidRequestContent', message: expect.stringContaining(message) } },
    });
    expect(h.fakeArm.faults()).toMatchObject({ failureRate: 0, latencyMs: 0, pathPattern: null });
    expect(() => h.fakeArm.setFaults(settings as object)).toThrow(message);
  });

  it('refuses to start with invalid faults', async () => {
    h = await startHarness();
    await expect(startFakeArm({ faults: { throttleRate: 5 } })).rejects.toThrow(/throttleRate/);
  });
});
