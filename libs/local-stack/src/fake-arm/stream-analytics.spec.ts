import type { Input, StreamInputProperties } from '@azure/arm-streamanalytics';
import { FAST_POLL, type FakeArmHarness, connectorTemplate, startHarness } from './fake-arm.test-support';

const RG = 'rg-asa';

describe('fake ARM Stream Analytics (StreamAnalyticsManagementClient 4.1.0)', () => {
  let h: FakeArmHarness;

  beforeEach(async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate(RG, { location: 'westeurope' });
    await h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
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
  });
  afterEach(() => h.fakeArm.stop());

  const jobState = async () => (await h.streamAnalytics.streamingJobs.get(RG, 'conn1')).jobState;
  const readerKeys = () => h.eventHubs.eventHubs.listKeys(RG, 'conn1-ns', 'normalizeddata', 'reader');
  const eventHubInput = (key: string): Input => ({
    properties: {
      type: 'Stream',
      datasource: {
        type: 'Microsoft.ServiceBus/EventHub',
        serviceBusNamespace: 'conn1-ns',
        eventHubName: 'normalizeddata',
        sharedAccessPolicyName: 'reader',
        sharedAccessPolicyKey: key,
      },
    },
  });

  it('starts (with outputStartMode) and stops a job as long-running operations', async () => {
    expect(await jobState()).toBe('Created');

    await h.streamAnalytics.streamingJobs.beginStartAndWait(RG, 'conn1', {
      startJobParameters: { outputStartMode: 'LastOutputEventTime' },
      ...FAST_POLL,
    });
    const started = await h.streamAnalytics.streamingJobs.get(RG, 'conn1');
    await h.streamAnalytics.streamingJobs.beginStopAndWait(RG, 'conn1', FAST_POLL);

    expect(started).toMatchObject({ jobState: 'Running', outputStartMode: 'LastOutputEventTime' });
    expect(await jobState()).toBe('Stopped');
    const startCalls = h.fakeArm
      .calls()
      .log.filter((c) => c.path.endsWith('/start') || c.route.endsWith('operationResults/{operationId}'));
    expect(startCalls.slice(0, 3).map((c) => `${c.method} ${c.status}`)).toEqual(['POST 202', 'GET 202', 'GET 200']);
  });

  it('rotates the input key: regenerate the standby key, stop, update (PATCH), test, start — in that order', async () => {
    await h.streamAnalytics.streamingJobs.beginStartAndWait(RG, 'conn1', FAST_POLL);
    const standby = await h.eventHubs.eventHubs.regenerateKeys(RG, 'conn1-ns', 'normalizeddata', 'reader', {
      keyType: 'SecondaryKey',
    });

    await expect(
      h.streamAnalytics.inputs.update(RG, 'conn1', 'normalizeddata', eventHubInput(standby.secondaryKey ?? '')),
    ).rejects.toMatchObject({ statusCode: 409, code: 'Conflict' });
    await h.streamAnalytics.streamingJobs.beginStopAndWait(RG, 'conn1', FAST_POLL);
    const updated = await h.streamAnalytics.inputs.update(
      RG,
      'conn1',
      'normalizeddata',
      eventHubInput(standby.secondaryKey ?? ''),
    );
    const test = await h.streamAnalytics.inputs.beginTestAndWait(RG, 'conn1', 'normalizeddata', FAST_POLL);
    await h.streamAnalytics.streamingJobs.beginStartAndWait(RG, 'conn1', {
      startJobParameters: { outputStartMode: 'LastOutputEventTime' },
      ...FAST_POLL,
    });

    expect((updated.properties as StreamInputProperties).datasource).toMatchObject({
      sharedAccessPolicyKey: standby.secondaryKey,
    });
    expect((await h.streamAnalytics.inputs.get(RG, 'conn1', 'normalizeddata')).properties?.serialization).toMatchObject(
      { type: 'Json' },
    );
    expect(test.status).toBe('TestSucceeded');
    expect(await jobState()).toBe('Running');
    const order = h.fakeArm
      .calls()
      .log.filter((c) => c.method !== 'GET' && c.status < 300)
      .map((c) => `${c.method} ${c.path.split('/').slice(-2).join('/')}`);
    expect(order.slice(-5)).toEqual([
      'POST reader/regenerateKeys',
      'POST conn1/stop',
      'PATCH inputs/normalizeddata',
      'POST normalizeddata/test',
      'POST conn1/start',
    ]);
  });

  it('fails the input test once the key it holds was regenerated away', async () => {
    const { primaryKey } = await readerKeys();
    expect((await h.streamAnalytics.inputs.beginTestAndWait(RG, 'conn1', 'normalizeddata', FAST_POLL)).status).toBe(
      'TestSucceeded',
    );

    await h.eventHubs.eventHubs.regenerateKeys(RG, 'conn1-ns', 'normalizeddata', 'reader', { keyType: 'PrimaryKey' });
    const stale = await h.streamAnalytics.inputs.beginTestAndWait(RG, 'conn1', 'normalizeddata', FAST_POLL);
    const proposed = await h.streamAnalytics.inputs.beginTestAndWait(RG, 'conn1', 'normalizeddata', {
      input: eventHubInput((await readerKeys()).primaryKey ?? ''),
      ...FAST_POLL,
    });

    expect(primaryKey).not.toBe((await readerKeys()).primaryKey);
    expect(stale).toMatchObject({ status: 'TestFailed', error: { code: 'BadRequest' } });
    expect(proposed.status).toBe('TestSucceeded');
  });

  it('refuses bad start parameters and unknown jobs or inputs', async () => {
    await expect(
      h.streamAnalytics.streamingJobs.beginStartAndWait(RG, 'conn1', {
        startJobParameters: { outputStartMode: 'CustomTime' },
        ...FAST_POLL,
      }),
    ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('outputStartTime is required') });
    await expect(
      h.streamAnalytics.streamingJobs.beginStartAndWait(RG, 'conn1', {
        startJobParameters: { outputStartMode: 'Whenever' },
        ...FAST_POLL,
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.streamAnalytics.streamingJobs.beginStopAndWait(RG, 'nojob', FAST_POLL)).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    await expect(h.streamAnalytics.inputs.update(RG, 'conn1', 'noinput', eventHubInput('k'))).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(h.streamAnalytics.inputs.beginTestAndWait(RG, 'conn1', 'noinput', FAST_POLL)).rejects.toMatchObject({
      statusCode: 404,
    });
    expect(await jobState()).toBe('Created');
  });
});
