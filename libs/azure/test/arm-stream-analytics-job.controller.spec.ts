import {
  ConflictError,
  type EventHubPolicyTarget,
  ResourceNotFoundError,
  type StreamAnalyticsJobRef,
} from '@iomt/domain';
import { ArmKeyManager } from '../src/lib/keys/arm-key.manager';
import { ArmStreamAnalyticsJobController } from '../src/lib/stream-analytics/arm-stream-analytics-job.controller';
import { type AzureFixture, calls, deployConnector, startAzureFixture } from './support/fake-arm.fixture';

const INPUT = 'NormalizedData';

describe('ArmStreamAnalyticsJobController against the fake ARM', () => {
  let fixture: AzureFixture;
  let jobs: ArmStreamAnalyticsJobController;
  let keys: ArmKeyManager;
  let job: StreamAnalyticsJobRef;
  let reader: EventHubPolicyTarget;
  let namespaceName: string;

  beforeEach(async () => {
    fixture = await startAzureFixture();
    const { connector } = await deployConnector(fixture);
    jobs = new ArmStreamAnalyticsJobController(fixture.clients);
    keys = new ArmKeyManager(fixture.clients);
    const place = {
      subscriptionId: connector.infrastructureSubscriptionId!,
      resourceGroupName: connector.infrastructureResourceGroupName!,
    };
    namespaceName = connector.eventHub.infrastructureResourceName!;
    job = { ...place, jobName: connector.streamAnalytics.infrastructureResourceName! };
    reader = {
      kind: 'eventHubAuthorizationRule',
      ...place,
      namespaceName,
      eventHubName: 'normalizeddeviceinput',
      ruleName: 'reader',
    };
  });
  afterEach(() => fixture.stop());

  const jobState = () => fixture.fakeArm.resources('Microsoft.StreamAnalytics/streamingjobs')[0].properties;
  const inputSource = () =>
    (
      fixture.fakeArm.resources('Microsoft.StreamAnalytics/streamingjobs/inputs')[0].properties.datasource as {
        properties: Record<string, string>;
      }
    ).properties;
  const credentials = (key: string) => ({
    inputName: INPUT,
    serviceBusNamespace: namespaceName,
    eventHubName: 'normalizeddeviceinput',
    sharedAccessPolicyName: 'reader',
    sharedAccessPolicyKey: key,
  });

  it('starts the job from its last output', async () => {
    await jobs.startFromLastOutput(job);
    expect(jobState()).toMatchObject({ jobState: 'Running', outputStartMode: 'LastOutputEventTime' });
  });

  it('rotates the input to the standby key: regenerate → stop → update → test → start, in that order', async () => {
    await jobs.startFromLastOutput(job);
    fixture.fakeArm.clearCalls();
    const { secondaryKey } = await keys.regenerateKey(reader, 'secondary');
    await jobs.stop(job);
    expect(jobState().jobState).toBe('Stopped');
    await jobs.updateInputKey(job, credentials(secondaryKey));
    await expect(jobs.testInput(job, INPUT)).resolves.toEqual({ succeeded: true });
    await jobs.startFromLastOutput(job);
    expect(inputSource()).toMatchObject({
      sharedAccessPolicyKey: secondaryKey,
      sharedAccessPolicyName: 'reader',
      eventHubName: 'normalizeddeviceinput',
    });
    expect(jobState()).toMatchObject({ jobState: 'Running', outputStartMode: 'LastOutputEventTime' });
    const actions = calls(fixture.fakeArm, /^(POST|PATCH) /).map((line) =>
      line.replace(/^(\w+) .*\/([^/]+)$/, '$1 $2'),
    );
    expect(actions).toEqual(['POST regenerateKeys', 'POST stop', `PATCH ${INPUT}`, 'POST test', 'POST start']);
  });

  it('fails the test of an input whose key was regenerated away', async () => {
    const { secondaryKey } = await keys.listKeys(reader);
    await jobs.updateInputKey(job, credentials(secondaryKey));
    await keys.regenerateKey(reader, 'secondary');
    const result = await jobs.testInput(job, INPUT);
    expect(result.succeeded).toBe(false);
    expect(result.error?.message).toContain('not valid');
    expect(result.error?.message).not.toContain(secondaryKey);
  });

  it('refuses to change the input of a running job (ConflictError) and leaves it unchanged', async () => {
    const before = inputSource().sharedAccessPolicyKey;
    await jobs.startFromLastOutput(job);
    const { secondaryKey } = await keys.listKeys(reader);
    await expect(jobs.updateInputKey(job, credentials(secondaryKey))).rejects.toBeInstanceOf(ConflictError);
    expect(inputSource().sharedAccessPolicyKey).toBe(before);
  });

  it('keeps a stopped job stopped when stopped again', async () => {
    await jobs.stop(job);
    await jobs.stop(job);
    expect(jobState().jobState).toBe('Stopped');
  });

  it('answers ResourceNotFoundError for a job that does not exist', async () => {
    await expect(jobs.stop({ ...job, jobName: 'nojob' })).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(jobs.testInput({ ...job, jobName: 'nojob' }, INPUT)).rejects.toBeInstanceOf(ResourceNotFoundError);
  });

  it('retries a throttled stop with the SDK retry policy', async () => {
    fixture.fakeArm.setFaults({ throttleNext: 1 });
    await jobs.stop(job);
    expect(calls(fixture.fakeArm, /\/stop \(throttled\)$/)).toHaveLength(1);
    expect(jobState().jobState).toBe('Stopped');
  });
});
