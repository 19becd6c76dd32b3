import type { StreamInputProperties } from '@azure/arm-streamanalytics';
import type { RestError } from '@azure/core-rest-pipeline';
import { FAST_POLL, type FakeArmHarness, connectorTemplate, startHarness } from './fake-arm.test-support';

const RG = 'rg-iomt-deploy';

describe('fake ARM template deployments (ResourceManagementClient 6.1.0)', () => {
  let h: FakeArmHarness;

  beforeEach(async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate(RG, { location: 'westeurope' });
  });
  afterEach(() => h.fakeArm.stop());

  const deploy = (name: string, serviceName = 'conn1', template: Record<string, unknown> = connectorTemplate()) =>
    h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
      name,
      { properties: { mode: 'Incremental', template, parameters: { serviceName: { value: serviceName } } } },
      FAST_POLL,
    );

  it('deploys a template as a long-running operation polled through Azure-AsyncOperation', async () => {
    const result = await deploy('connector-conn1');

    expect(result.properties?.provisioningState).toBe('Succeeded');
    expect(result.properties?.outputs).toMatchObject({
      eventHubHostName: { value: 'conn1-ns.servicebus.windows.net' },
    });
    const log = h.fakeArm.calls().log.map((c) => `${c.method} ${c.status} ${c.route}`);
    expect(log.slice(1)).toEqual([
      'PUT 201 /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Resources/deployments/{deploymentName}',
      'GET 200 /subscriptions/{subscriptionId}/providers/Microsoft.Resources/operationStatuses/{operationId}',
      'GET 200 /subscriptions/{subscriptionId}/providers/Microsoft.Resources/operationStatuses/{operationId}',
      'GET 200 /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Resources/deployments/{deploymentName}',
    ]);
  });

  it('keeps every resource the template declares, nested children and type segments included', async () => {
    await deploy('connector-conn1');

    const ids = h.fakeArm.resources().map((r) => `${r.type} ${r.id.replace(/^.*\/providers\//, '')}`);
    expect(ids.sort()).toEqual(
      [
        'Microsoft.EventHub/namespaces Microsoft.EventHub/namespaces/conn1-ns',
        'Microsoft.EventHub/namespaces/authorizationRules Microsoft.EventHub/namespaces/conn1-ns/authorizationRules/RootManageSharedAccessKey',
        'Microsoft.EventHub/namespaces/eventhubs Microsoft.EventHub/namespaces/conn1-ns/eventhubs/devicedata',
        'Microsoft.EventHub/namespaces/eventhubs Microsoft.EventHub/namespaces/conn1-ns/eventhubs/normalizeddata',
        'Microsoft.EventHub/namespaces/eventhubs/authorizationRules Microsoft.EventHub/namespaces/conn1-ns/eventhubs/devicedata/authorizationRules/writer',
        'Microsoft.EventHub/namespaces/eventhubs/authorizationRules Microsoft.EventHub/namespaces/conn1-ns/eventhubs/normalizeddata/authorizationRules/reader',
        'Microsoft.Storage/storageAccounts Microsoft.Storage/storageAccounts/conn1sa',
        'Microsoft.Storage/storageAccounts/blobServices Microsoft.Storage/storageAccounts/conn1sa/blobServices/default',
        'Microsoft.Storage/storageAccounts/blobServices/containers Microsoft.Storage/storageAccounts/conn1sa/blobServices/default/containers/template',
        'Microsoft.StreamAnalytics/streamingjobs Microsoft.StreamAnalytics/streamingjobs/conn1',
        'Microsoft.StreamAnalytics/streamingjobs/inputs Microsoft.StreamAnalytics/streamingjobs/conn1/inputs/normalizeddata',
      ].sort(),
    );
    const namespace = h.fakeArm.resources('microsoft.eventhub/NAMESPACES')[0];
    expect(namespace).toMatchObject({
      location: 'westeurope',
      sku: { capacity: 1 },
      tags: { IomtFhirConnector: 'ResourceIdentity:Lookup' },
    });
  });

  it('evaluates listkeys() against the keys the deployment created', async () => {
    const result = await deploy('connector-conn1');

    const reader = await h.eventHubs.eventHubs.listKeys(RG, 'conn1-ns', 'normalizeddata', 'reader');
    const input = await h.streamAnalytics.inputs.get(RG, 'conn1', 'normalizeddata');
    expect((input.properties as StreamInputProperties).datasource).toMatchObject({
      sharedAccessPolicyName: 'reader',
      sharedAccessPolicyKey: reader.primaryKey,
    });
    const storageKeys = await h.storage.storageAccounts.listKeys(RG, 'conn1sa');
    expect((result.properties?.outputs as Record<string, { value: string }>).storageKey.value).toBe(
      storageKeys.keys?.[0].value,
    );
  });

  it('lists the deployment operations, one per resource', async () => {
    await deploy('connector-conn1');

    const operations = [];
    for await (const operation of h.resources.deploymentOperations.list(RG, 'connector-conn1'))
      operations.push(operation);

    expect(operations).toHaveLength(8);
    expect(operations.every((o) => o.properties?.provisioningState === 'Succeeded')).toBe(true);
    expect(operations.map((o) => o.properties?.targetResource?.resourceName)).toContain(
      'conn1-ns/normalizeddata/reader',
    );
    const count =
      h.fakeArm.calls().counts[
        'GET /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/deployments/{deploymentName}/operations'
      ];
    expect(count).toBe(1);
  });

  it('surfaces a deployment that a fault makes fail as an SDK error, and creates nothing', async () => {
    h.fakeArm.setFaults({ failDeploymentsMatching: '^connector-bad' });

    await expect(deploy('connector-bad-1')).rejects.toThrow(
      /long-running operation has failed\. DeploymentFailed\. At least one resource deployment operation failed/,
    );

    const failed = await h.resources.deployments.get(RG, 'connector-bad-1');
    expect(failed.properties?.provisioningState).toBe('Failed');
    expect(failed.properties?.error?.details?.[0]).toMatchObject({ code: 'InjectedDeploymentFailure' });
    const operations = [];
    for await (const operation of h.resources.deploymentOperations.list(RG, 'connector-bad-1'))
      operations.push(operation);
    expect(operations.map((o) => o.properties?.provisioningState)).toEqual(['Failed']);
    expect(h.fakeArm.resources()).toEqual([]);
    await expect(deploy('connector-good')).resolves.toMatchObject({ properties: { provisioningState: 'Succeeded' } });
  });

  it('fails only the next N deployments when asked', async () => {
    h.fakeArm.setFaults({ failNextDeployments: 1 });

    await expect(deploy('d1')).rejects.toThrow(/DeploymentFailed/);
    await expect(deploy('d2')).resolves.toMatchObject({ properties: { provisioningState: 'Succeeded' } });
    expect(h.fakeArm.faults().failNextDeployments).toBe(0);
  });

  it('refuses a second PUT of a deployment that is still running (DeploymentActive)', async () => {
    h.fakeArm.setFaults({ lroReadsBeforeDone: 5 });
    const body = {
      properties: {
        mode: 'Incremental' as const,
        template: connectorTemplate(),
        parameters: { serviceName: { value: 'conn2' } },
      },
    };
    const poller = await h.resources.deployments.beginCreateOrUpdate(RG, 'dup', body, FAST_POLL);

    await expect(h.resources.deployments.beginCreateOrUpdate(RG, 'dup', body, FAST_POLL)).rejects.toMatchObject({
      statusCode: 409,
      code: 'DeploymentActive',
    });
    await expect(poller.pollUntilDone()).resolves.toMatchObject({ properties: { provisioningState: 'Succeeded' } });
  });

  it('answers 404 ResourceGroupNotFound when the group does not exist', async () => {
    await expect(
      h.resources.deployments.beginCreateOrUpdateAndWait(
        'rg-missing',
        'x',
        { properties: { mode: 'Incremental', template: connectorTemplate() } },
        FAST_POLL,
      ),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' } satisfies Partial<RestError>);
  });

  it('answers a read of a deployment in a group that does not exist 404 ResourceGroupNotFound, as ARM does', async () => {
    await expect(h.resources.deployments.get('rg-missing', 'x')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
    } satisfies Partial<RestError>);
  });

  it('gets, checks and lists deployments; unknown ones are 404 DeploymentNotFound', async () => {
    await deploy('connector-conn1');

    await expect(h.resources.deployments.checkExistence(RG, 'connector-conn1')).resolves.toMatchObject({ body: true });
    await expect(h.resources.deployments.checkExistence(RG, 'nope')).resolves.toMatchObject({ body: false });
    await expect(h.resources.deployments.get(RG, 'nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'DeploymentNotFound',
    });
    const names = [];
    for await (const d of h.resources.deployments.listByResourceGroup(RG)) names.push(d.name);
    expect(names).toEqual(['connector-conn1']);
  });
});
