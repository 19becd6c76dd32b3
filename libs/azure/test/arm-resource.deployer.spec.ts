import { RestError } from '@azure/core-rest-pipeline';
import { buildStreamAnalyticsQuery } from '@iomt/domain';
import { ArmResourceDeployer } from '../src/lib/deployments/arm-resource.deployer';
import { wrapParameters } from '../src/lib/deployments/deployment-request';
import { INFRASTRUCTURE_SUBSCRIPTION_ID, sampleConnector } from '../src/lib/test-support/samples';
import { iomtConnectorResourceNames } from '../src/lib/templates/resource-names';
import { type AzureFixture, calls, deployConnector, startAzureFixture } from './support/fake-arm.fixture';

const DEPLOYMENT_PUT = /^PUT .*\/deployments\/[^/]+$/i;
const group = (name: string) => `/subscriptions/${INFRASTRUCTURE_SUBSCRIPTION_ID}/resourceGroups/${name}`;

describe('ArmResourceDeployer against the fake ARM: deploy, re-attach, await, delete', () => {
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
      properties: { mode: 'Incremental', template: again.template, parameters: wrapParameters(again.parameters) },
    });
    const result = await deployer.deploy(again);
    expect(result.outputs).toHaveProperty('keyVault');
    expect(calls(fixture.fakeArm, /^PUT .*deployments\/iomt-connector-raced$/)).toHaveLength(1);
  });

  it('awaits a deployment that started between its read and its PUT (409 DeploymentActive)', async () => {
    const { request } = await deployConnector(fixture, 'first-op');
    fixture.fakeArm.setFaults({ lroReadsBeforeDone: 3 });
    const raced = { ...request, deploymentName: 'iomt-connector-race' };
    const arm = fixture.clients.resources(raced.subscriptionId);
    await arm.deployments.beginCreateOrUpdate(raced.resourceGroupName, raced.deploymentName, {
      properties: { mode: 'Incremental', template: raced.template, parameters: wrapParameters(raced.parameters) },
    });
    // The deployer's first read happened before the other worker's PUT: it saw no deployment.
    const notFound = new RestError('not found', { statusCode: 404, code: 'DeploymentNotFound' });
    jest.spyOn(arm.deployments, 'get').mockRejectedValueOnce(notFound);
    const result = await deployer.deploy(raced);
    expect(calls(fixture.fakeArm, /^PUT .*deployments\/iomt-connector-race$/)).toEqual([
      expect.stringContaining('PUT'),
      expect.stringContaining('PUT'),
    ]);
    expect(fixture.fakeArm.calls().log.filter((c) => c.method === 'PUT' && c.status === 409)).toHaveLength(1);
    expect(result.outputs).toHaveProperty('functionApp');
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
