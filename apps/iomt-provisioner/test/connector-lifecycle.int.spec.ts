import { RemoteOperationError, Subject } from '@iomt/contracts';
import {
  DocumentType,
  IomtConnector,
  OperationDocument,
  OperationType,
  streamAnalyticsJobSecretId,
} from '@iomt/domain';
import {
  connectionOperation,
  connectorOperation,
  DEVICE_MAPPING,
  FHIR_MAPPING,
  INFRA_SUBSCRIPTION_ID,
  mappingOperation,
  RESOURCE_IDS,
  sampleAccount,
  sampleConnector,
  sampleRegion,
  SUBSCRIPTION_ID,
} from '../src/testing/samples';
import type { LocalStack } from '@iomt/local-stack';
import { startWorkerTestStack, type WorkerHarness } from '@iomt/local-stack/testing';
import { startIomtWorker } from './support/iomt-worker';

jest.setTimeout(90_000);

describe('iomt-provisioner on the real Service Bus, Cosmos, Azurite and fake ARM', () => {
  let stack: LocalStack;
  let worker: WorkerHarness;
  let connector: IomtConnector;

  /** Records the operation (with its resource, as the gateway does) and sends its command as the router does. */
  async function run(operation: OperationDocument, subject: Parameters<WorkerHarness['send']>[0], resourceId: string, attempt = 1) {
    if ((await worker.operations.get(SUBSCRIPTION_ID, operation.id)) === undefined) {
      const current = await stored();
      await worker.operations.createWithResource(current ?? connector, operation, current ? { resourceIfMatch: current._etag } : {});
    }
    return worker.send(subject, operation, resourceId, attempt);
  }

  const stored = () => worker.registry.getChildResourceById(SUBSCRIPTION_ID, connector.id, DocumentType.IomtConnector);

  beforeAll(async () => {
    stack = await startWorkerTestStack();
    worker = await startIomtWorker(stack);
    const account = await worker.registry.upsertAccount(sampleAccount());
    connector = sampleConnector(account, 'conn1');
    await worker.clusters.upsert(sampleRegion());
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.stop();
  });

  it('provisions the connector: deploys its template once, records its resources, writes mappings and secret metadata', async () => {
    const operation = connectorOperation(connector, OperationType.Provision);
    const reply = await run(operation, Subject.ProvisionIomtConnector, RESOURCE_IDS.connector);
    expect(reply).toEqual({ deploymentNames: [`iomt-connector-${operation.id}`] });

    const provisioned = (await stored()) as IomtConnector;
    expect(provisioned).toMatchObject({ infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, infrastructureResourceGroupName: 'rg-iomt-fhirsrv-conn1' });
    for (const definition of [provisioned.eventHub, provisioned.storage, provisioned.keyVault, provisioned.streamAnalytics, provisioned.function]) {
      const resource = stack.arm.resource(definition.infrastructureResourceId ?? 'missing');
      expect(resource).toMatchObject({ name: definition.infrastructureResourceName, type: definition.infrastructureResourceType });
    }
    const ref = { subscriptionId: SUBSCRIPTION_ID, connectorId: connector.id };
    expect(await worker.mappings.get({ ...ref, mappingType: 'deviceMapping' })).toBe(DEVICE_MAPPING);
    expect(await worker.mappings.get({ ...ref, mappingType: 'fhirMapping' })).toBe(FHIR_MAPPING);
    const secret = await worker.registry.getChildResourceById(
      SUBSCRIPTION_ID,
      streamAnalyticsJobSecretId(connector.id),
      DocumentType.AccountSpecificStreamAnalyticsJob,
    );
    expect(secret).toMatchObject({ parentId: connector.id, isUsingPrimaryKey: true, secretRotationCount: 0 });

    const deployments = stack.arm.deployments().length;
    const region = await worker.clusters.getByRegion('westus2');
    await expect(run(operation, Subject.ProvisionIomtConnector, RESOURCE_IDS.connector, 2)).resolves.toEqual(reply);
    expect(stack.arm.deployments()).toHaveLength(deployments);
    expect((await worker.clusters.getByRegion('westus2'))?.appServicePlans).toEqual(region?.appServicePlans);
  });

  it('stores a new mapping in blob storage and on the connector', async () => {
    const content = FHIR_MAPPING.replace('count/min', 'beats/min');
    const operation = mappingOperation(connector, 'fhirMapping', content);
    await expect(run(operation, Subject.PutIomtMapping, RESOURCE_IDS.fhirMapping)).resolves.toEqual({ mappingName: 'fhirMapping' });
    expect(await worker.mappings.get({ subscriptionId: SUBSCRIPTION_ID, connectorId: connector.id, mappingType: 'fhirMapping' })).toBe(content);
    expect((await stored())?.iomtProperties.fhirMapping).toBe(content);
  });

  it('creates and deletes a connection: a Send-only rule on the device hub, listed on the connector', async () => {
    const hub = (await stored()) as IomtConnector;
    const ruleId = `${hub.eventHub.infrastructureResourceId}/eventhubs/deviceinput/authorizationRules/device1`;
    const create = connectionOperation(connector, OperationType.CreateConnection, 'device1');
    await expect(run(create, Subject.CreateIomtConnection, RESOURCE_IDS.connection)).resolves.toEqual({ authorizationRuleName: 'device1' });
    expect(stack.arm.resource(ruleId)?.properties).toMatchObject({ rights: ['Send'] });
    expect((await stored())?.eventHub.deviceWritePolicyNames).toEqual(['device1']);

    const remove = connectionOperation(connector, OperationType.DeleteConnection, 'device1');
    await expect(run(remove, Subject.DeleteIomtConnection, RESOURCE_IDS.connection)).resolves.toEqual({});
    expect(stack.arm.resource(ruleId)).toBeUndefined();
    expect((await stored())?.eventHub.deviceWritePolicyNames).toEqual([]);
  });

  it('replies a non-retryable ResourceNotFound for an operation that is not recorded', async () => {
    const operation = connectorOperation(connector, OperationType.Provision);
    const error = await worker.send(Subject.ProvisionIomtConnector, operation, RESOURCE_IDS.connector).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteOperationError);
    expect(error).toMatchObject({ code: 'ResourceNotFound', retryable: false });
  });

  it('deprovisions the connector: its resource group is gone, the connector Deprovisioned and soft-deleted', async () => {
    const inGroup = () => stack.arm.resources().filter((r) => r.id.toLowerCase().includes('/resourcegroups/rg-iomt-fhirsrv-conn1/'));
    expect(inGroup().length).toBeGreaterThan(5);
    const slots = async () => {
      const region = await worker.clusters.getByRegion('westus2');
      const subscription = region?.infrastructureSubscriptions.find((s) => s.subscriptionId === INFRA_SUBSCRIPTION_ID);
      return { apps: region?.appServicePlans[0]?.appCount, groups: subscription?.resourceGroupCount };
    };
    const placed = await slots();
    const operation = connectorOperation((await stored()) as IomtConnector, OperationType.Deprovision);
    await expect(run(operation, Subject.DeprovisionIomtConnector, RESOURCE_IDS.connector)).resolves.toEqual({});
    expect(inGroup()).toEqual([]);
    expect(await slots()).toEqual({ apps: placed.apps! - 1, groups: placed.groups! - 1 });
    expect(await stored()).toBeUndefined();
    const secretId = streamAnalyticsJobSecretId(connector.id);
    expect(await worker.registry.getChildResourceById(SUBSCRIPTION_ID, secretId, DocumentType.AccountSpecificStreamAnalyticsJob)).toBeUndefined();
    expect(await worker.mappings.get({ subscriptionId: SUBSCRIPTION_ID, connectorId: connector.id, mappingType: 'deviceMapping' })).toBeUndefined();
    await expect(run(operation, Subject.DeprovisionIomtConnector, RESOURCE_IDS.connector, 2)).resolves.toEqual({});
    expect(await slots()).toEqual({ apps: placed.apps! - 1, groups: placed.groups! - 1 });
  });
});
