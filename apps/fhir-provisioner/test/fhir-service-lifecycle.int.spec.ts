import { QueueName, RemoteOperationError, Subject } from '@iomt/contracts';
import { connectorWithDeployedResources, iomtConnectorDeploymentRequest } from '@iomt/azure';
import {
  clusterMetadataCodec,
  createFhirServiceAccount,
  createIomtConnector,
  DocumentType,
  FhirServiceAccount,
  IomtConnector,
  newFhirAccountOperation,
  OperationStatus,
  OperationType,
  RESOURCE_DEPLOYER,
  ResourceDeployer,
} from '@iomt/domain';
import { AppModule } from '../src/app.module';
import { startFhirCommandsConsumer } from '../src/commands-consumer';
import { FHIR_PROVISIONER_SERVICE } from '../src/config';
import { INFRA_SUBSCRIPTION_ID, PLAN_ID, SERVICE_ID, SUBSCRIPTION_ID } from '../src/testing/fhir-world';
import type { LocalStack } from '@iomt/local-stack';
import * as messaging from '@iomt/messaging';
import { startWorker, startWorkerTestStack, type WorkerHarness } from '@iomt/local-stack/testing';

jest.setTimeout(90_000);

const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('fhir-provisioner on the real Service Bus, Cosmos and fake ARM', () => {
  let stack: LocalStack;
  let worker: WorkerHarness;
  let account: FhirServiceAccount;

  const groupResources = (group: string) =>
    stack.arm.resources().filter((r) => r.id.toLowerCase().includes(`/resourcegroups/${group}/`));

  /** Records the operation with the account (as the gateway does), then sends its command as the router does. */
  async function run(type: OperationType, subject: Parameters<WorkerHarness['send']>[0], changed?: FhirServiceAccount) {
    const current = (await worker.registry.getAccountByName(SUBSCRIPTION_ID, 'rg-customer', 'fhirsrv')) as FhirServiceAccount;
    const operation = { ...newFhirAccountOperation(changed ?? current, type, { now: NOW }), provisioningStatus: OperationStatus.Running, attemptCount: 1 };
    await worker.operations.createWithResource({ ...(changed ?? current), _etag: current._etag }, operation, { resourceIfMatch: current._etag });
    const reply = await worker.send(subject, operation, SERVICE_ID);
    return { operation, reply };
  }

  /** A connector of the service, deployed with the real connector template as the iomt-provisioner does. */
  async function provisionedConnector(name: string): Promise<IomtConnector> {
    const connector = createIomtConnector(account, { connectorName: name, location: 'westus2' });
    const request = iomtConnectorDeploymentRequest({
      connector,
      operationId: `setup-${name}`,
      placement: { infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, location: 'westus2', appServicePlanId: PLAN_ID },
    });
    const result = await worker.app.get<ResourceDeployer>(RESOURCE_DEPLOYER).deploy(request);
    const [created] = await worker.registry.createChildResources([connectorWithDeployedResources(connector, request, result)]);
    return created as IomtConnector;
  }

  beforeAll(async () => {
    stack = await startWorkerTestStack();
    const consumer = { startConsumer: startFhirCommandsConsumer, queue: QueueName.FhirCommands };
    worker = await startWorker(stack, { appModule: AppModule, service: FHIR_PROVISIONER_SERVICE, ...consumer, messaging });
    await worker.clusters.upsert(
      clusterMetadataCodec.parse({
        id: 'westus2',
        type: DocumentType.ClusterMetadata,
        regionName: 'westus2',
        infrastructureSubscriptions: [{ subscriptionId: INFRA_SUBSCRIPTION_ID }],
        appServicePlans: [{ resourceId: PLAN_ID, infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, resourceGroupName: 'rg-plans', maxApps: 10 }],
      }),
    );
    account = await worker.registry.upsertAccount(
      createFhirServiceAccount({ name: 'fhirsrv', subscriptionId: SUBSCRIPTION_ID, resourceGroupName: 'rg-customer', location: 'westus2', kind: 'fhir-R4' }),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.stop();
  });

  it('provisions the service: its Cosmos DB account at the requested throughput, deployed once', async () => {
    const { operation, reply } = await run(OperationType.Provision, Subject.ProvisionFhirService);
    expect(reply).toEqual({ deploymentNames: [`fhir-service-${operation.id}`] });
    const types = groupResources('rg-fhir-fhirsrv').map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['Microsoft.DocumentDB/databaseAccounts', 'Microsoft.Web/sites']));
    const throughput = groupResources('rg-fhir-fhirsrv').find((r) => r.type.endsWith('/throughputSettings'));
    expect(throughput?.properties).toMatchObject({ resource: { throughput: 400 } });

    const deployments = stack.arm.deployments().length;
    await expect(worker.send(Subject.ProvisionFhirService, operation, SERVICE_ID, 2)).resolves.toEqual(reply);
    expect(stack.arm.deployments()).toHaveLength(deployments);
  });

  it('patches the service: the new throughput reaches the database', async () => {
    const current = (await worker.registry.getAccountByName(SUBSCRIPTION_ID, 'rg-customer', 'fhirsrv')) as FhirServiceAccount;
    const changed = { ...current, properties: { ...current.properties, cosmosDbConfiguration: { offerThroughput: 2000 } } };
    await run(OperationType.Patch, Subject.PatchFhirService, changed);
    const throughput = groupResources('rg-fhir-fhirsrv').find((r) => r.type.endsWith('/throughputSettings'));
    expect(throughput?.properties).toMatchObject({ resource: { throughput: 2000 } });
  });

  it('refuses a patch command for a provisioning operation, not retryable', async () => {
    const operation = { ...newFhirAccountOperation(account, OperationType.Provision, { now: NOW }), provisioningStatus: OperationStatus.Running, attemptCount: 1 };
    const current = (await worker.registry.getAccountByName(SUBSCRIPTION_ID, 'rg-customer', 'fhirsrv')) as FhirServiceAccount;
    await worker.operations.createWithResource(current, operation, { resourceIfMatch: current._etag });
    const error = await worker.send(Subject.PatchFhirService, operation, SERVICE_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteOperationError);
    expect(error).toMatchObject({ code: 'InvalidRequestContent', retryable: false });
  });

  it("deprovisions the service and, first, its connectors: every group is gone and the connectors' documents deleted", async () => {
    const connectors = [await provisionedConnector('conn1'), await provisionedConnector('conn2')];
    expect(groupResources('rg-iomt-fhirsrv-conn1').length).toBeGreaterThan(0);
    await expect(run(OperationType.Deprovision, Subject.DeprovisionFhirService).then((r) => r.reply)).resolves.toEqual({});
    for (const group of ['rg-fhir-fhirsrv', 'rg-iomt-fhirsrv-conn1', 'rg-iomt-fhirsrv-conn2']) expect(groupResources(group)).toEqual([]);
    for (const connector of connectors) {
      expect(await worker.registry.getChildResourceById(SUBSCRIPTION_ID, connector.id, DocumentType.IomtConnector)).toBeUndefined();
    }
  });
});
