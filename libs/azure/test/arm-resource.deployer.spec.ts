import { buildStreamAnalyticsQuery, ThrottledError, ValidationError } from '@iomt/domain';
import { ArmResourceDeployer } from '../src/lib/deployments/arm-resource.deployer';
import { ArmDeploymentFailedError } from '../src/lib/errors/arm-errors';
import { INFRASTRUCTURE_SUBSCRIPTION_ID, sampleConnector } from '../src/lib/test-support/samples';
import { iomtConnectorResourceNames } from '../src/lib/templates/resource-names';
import { type AzureFixture, calls, deployConnector, startAzureFixture } from './support/fake-arm.fixture';

const DEPLOYMENT_PUT = /^PUT .*\/deployments\/[^/]+$/i;
const group = (name: string) => `/subscriptions/${INFRASTRUCTURE_SUBSCRIPTION_ID}/resourceGroups/${name}`;

describe('ArmResourceDeployer against the fake ARM', () => {
  let fixture: AzureFixture;
  let deployer: ArmResourceDeployer;

  beforeEach(async () => {
    fixture = await startAzureFixture();
    deployer = new ArmResourceDeployer(fixture.clients);
  });
  afterEach(() => fixture.stop());

  it('creates the resource group and deploys every connector resource', async () => {
    const { request, connector } = await deployConnector(fixture);
    const names = iomtConnectorResourceNames(sampleConnector());
    const { fakeArm } = fixture;
    expect(fakeArm.snapshot().resourceGroups).toEqual([
      expect.objectContaining({ name: request.resourceGroupName, location: 'westus2', tags: request.tags }),
    ]);
    const count = (type: string) => fakeArm.resources(type).length;
    expect(count('Microsoft.EventHub/namespaces/eventhubs')).toBe(2);
    expect(count('Microsoft.EventHub/namespaces/eventhubs/authorizationRules')).toBe(3);
    expect(count('Microsoft.Storage/storageAccounts/blobServices/containers')).toBe(1);
    expect(fakeArm.resources('Microsoft.Storage/storageAccounts/blobServices/containers')[0].name).toBe('template');
    expect(count('Microsoft.Authorization/roleAssignments')).toBe(1);
    for (const key of [
      'eventHubNamespace',
      'storageAccount',
      'keyVault',
      'streamAnalyticsJob',
      'functionApp',
    ] as const) {
      expect(
        fakeArm.resource(`${group(request.resourceGroupName)}/providers/${typeOf(key)}/${names[key]}`),
      ).toBeDefined();
    }
    expect(connector.eventHub.infrastructureResourceId).toBe(fakeArm.resources('Microsoft.EventHub/namespaces')[0].id);
    const [assignment] = fakeArm.resources('Microsoft.Authorization/roleAssignments');
    const sitePrincipal = (fakeArm.resources('Microsoft.Web/sites')[0].identity as { principalId: string }).principalId;
    expect(assignment.id.toLowerCase()).toContain(`/vaults/${names.keyVault}/providers/microsoft.authorization/`);
    expect(assignment.properties).toMatchObject({ principalId: sitePrincipal, principalType: 'ServicePrincipal' });
    expect(connector.function.managedIdentityObjectId).toBe(
      (fakeArm.resources('Microsoft.Web/sites')[0].identity as { principalId: string }).principalId,
    );
  });

  it('builds the secret, settings and job input inside ARM from the keys it created', async () => {
    const { request, connector } = await deployConnector(fixture);
    const { fakeArm } = fixture;
    const [secret] = fakeArm.resources('Microsoft.KeyVault/vaults/secrets');
    expect(secret.name).toBe('blob-storage-cs');
    expect(fakeArm.secretValue(secret.id)).toMatch(
      new RegExp(
        `^DefaultEndpointsProtocol=https;AccountName=${connector.storage.infrastructureResourceName};AccountKey=.+;EndpointSuffix=core.windows.net$`,
      ),
    );
    const settings = fakeArm.resources('Microsoft.Web/sites/config')[0].properties;
    expect(settings.InputEventHub).toMatch(/SharedAccessKeyName=normalizer;SharedAccessKey=.+;EntityPath=deviceinput$/);
    expect(settings.OutputEventHub).toMatch(/SharedAccessKeyName=writer;.*EntityPath=normalizeddeviceinput$/);
    expect(settings.AzureWebJobsStorage).toBe(`@Microsoft.KeyVault(SecretUri=${secret.properties.secretUri})`);
    const [job] = fakeArm.resources('Microsoft.StreamAnalytics/streamingjobs');
    expect(job.properties).toMatchObject({
      jobState: 'Created',
      transformation: { properties: { query: buildStreamAnalyticsQuery(connector.streamAnalytics) } },
    });
    const [input] = fakeArm.resources('Microsoft.StreamAnalytics/streamingjobs/inputs');
    expect(input.name).toBe('NormalizedData');
    expect(input.properties).toMatchObject({
      datasource: { properties: { sharedAccessPolicyName: 'reader', eventHubName: 'normalizeddeviceinput' } },
    });
    // No key reached the recorded parameters of the deployment.
    const recorded = JSON.stringify(fakeArm.deployments().find((d) => d.name === request.deploymentName));
    expect(recorded).not.toMatch(/AccountKey=|SharedAccessKey=/);
  });

  it('re-attaches to a deployment of the same name instead of deploying twice', async () => {
    const first = await deployConnector(fixture);
    const second = await deployConnector(fixture);
    expect(second.result).toEqual(first.result);
    expect(calls(fixture.fakeArm, DEPLOYMENT_PUT)).toHaveLength(1);
  });

  it('awaits a deployment of the same name that is still running, without a second PUT', async () => {
    const { request } = await deployConnector(fixture, 'first-op');
    fixture.fakeArm.setFaults({ lroReadsBeforeDone: 4 });
    const again = { ...request, deploymentName: 'iomt-connector-raced' };
    const arm = fixture.clients.resources(again.subscriptionId);
    await arm.deployments.beginCreateOrUpdate(again.resourceGroupName, again.deploymentName, {
      properties: {
        mode: 'Incremental',
        template: again.template,
        parameters: Object.fromEntries(Object.entries(again.parameters).map(([k, v]) => [k, { value: v }])),
      },
    });
    const result = await deployer.deploy(again);
    expect(result.outputs).toHaveProperty('keyVault');
    expect(calls(fixture.fakeArm, /^PUT .*deployments\/iomt-connector-raced$/)).toHaveLength(1);
  });

  it('maps a deployment that ends Failed to DeploymentFailed with the ARM error, then deploys again on retry', async () => {
    fixture.fakeArm.setFaults({ failNextDeployments: 1 });
    const failure = await deployConnector(fixture).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ArmDeploymentFailedError);
    expect(failure).toMatchObject({
      code: 'DeploymentFailed',
      retryable: false,
      details: [
        expect.objectContaining({ code: 'DeploymentFailed' }),
        expect.objectContaining({ code: 'InjectedDeploymentFailure' }),
      ],
    });
    await expect(deployConnector(fixture)).resolves.toBeDefined();
    expect(calls(fixture.fakeArm, DEPLOYMENT_PUT)).toHaveLength(2);
  });

  it('maps a template ARM refuses to DeploymentFailed with the raw InvalidTemplate error', async () => {
    const { request } = await deployConnector(fixture);
    const bad = {
      ...request,
      deploymentName: 'bad-template',
      parameters: { ...request.parameters, streamingUnits: 2 },
    };
    await expect(deployer.deploy(bad)).rejects.toMatchObject({
      code: 'DeploymentFailed',
      details: [expect.objectContaining({ code: 'InvalidTemplate' })],
    });
  });

  it('rides out throttling with the SDK retry policy', async () => {
    fixture.fakeArm.setFaults({ throttleNext: 2, retryAfterSeconds: 0 });
    await deployConnector(fixture);
    expect(calls(fixture.fakeArm, /\(throttled\)$/)).toHaveLength(2);
  });

  it('gives up on persistent throttling with a ThrottledError carrying Retry-After', async () => {
    fixture.fakeArm.setFaults({ throttleNext: 50, retryAfterSeconds: 0 });
    const error = await deployConnector(fixture).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ code: 'TooManyRequests', retryAfterMs: 0, retryable: true });
    expect(calls(fixture.fakeArm, /\(throttled\)$/)).toHaveLength(4);
  });

  it('leaves an existing resource group as it is', async () => {
    await fixture.clients
      .resources(INFRASTRUCTURE_SUBSCRIPTION_ID)
      .resourceGroups.createOrUpdate('rg-iomt-fhirsrv1-iomt1', { location: 'westus2', tags: { owner: 'ops' } });
    await deployConnector(fixture);
    expect(fixture.fakeArm.snapshot().resourceGroups[0].tags).toEqual({ owner: 'ops' });
  });

  it('deletes a resource group and waits; a missing group is already deleted', async () => {
    const { request } = await deployConnector(fixture);
    await deployer.deleteResourceGroup(request.subscriptionId, request.resourceGroupName);
    expect(fixture.fakeArm.snapshot()).toMatchObject({ resourceGroups: [], resources: [], deployments: [] });
    await expect(
      deployer.deleteResourceGroup(request.subscriptionId, request.resourceGroupName),
    ).resolves.toBeUndefined();
  });

  it('refuses bad input precisely, before calling ARM', async () => {
    const { request } = await deployConnector(fixture);
    fixture.fakeArm.clearCalls();
    await expect(deployer.deploy({ ...request, deploymentName: 'has space' })).rejects.toMatchObject({
      target: 'deploymentName',
    });
    await expect(deployer.deploy({ ...request, resourceGroupName: 'bad/group' })).rejects.toMatchObject({
      code: 'InvalidResourceGroupName',
    });
    await expect(deployer.deploy({ ...request, subscriptionId: 'sub' })).rejects.toMatchObject({
      code: 'InvalidSubscriptionId',
    });
    await expect(deployer.deleteResourceGroup(request.subscriptionId, '')).rejects.toBeInstanceOf(ValidationError);
    expect(fixture.fakeArm.calls().total).toBe(0);
  });

  it("rejects with the signal's reason when cancelled", async () => {
    const reason = new Error('shutting down');
    const { request } = await deployConnector(fixture);
    await expect(
      deployer.deploy({ ...request, deploymentName: 'other' }, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });
});

function typeOf(
  key: 'eventHubNamespace' | 'storageAccount' | 'keyVault' | 'streamAnalyticsJob' | 'functionApp',
): string {
  return {
    eventHubNamespace: 'Microsoft.EventHub/namespaces',
    storageAccount: 'Microsoft.Storage/storageAccounts',
    keyVault: 'Microsoft.KeyVault/vaults',
    streamAnalyticsJob: 'Microsoft.StreamAnalytics/streamingjobs',
    functionApp: 'Microsoft.Web/sites',
  }[key];
}
