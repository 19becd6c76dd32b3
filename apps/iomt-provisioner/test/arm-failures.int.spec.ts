import { RemoteOperationError, Subject } from '@iomt/contracts';
import { DocumentType, IomtConnector, OperationType } from '@iomt/domain';
import { IOMT_PROVISIONER_CONFIG } from '../src/config';
import { connectorOperation, RESOURCE_IDS, sampleAccount, sampleConnector, sampleRegion, SUBSCRIPTION_ID } from '../src/testing/samples';
import type { LocalStack } from '@iomt/local-stack';
import { startWorkerTestStack, type WorkerHarness } from '@iomt/local-stack/testing';
import { startIomtWorker } from './support/iomt-worker';

jest.setTimeout(90_000);

describe('iomt-provisioner replies to ARM failures with the right retryable flag', () => {
  let stack: LocalStack;
  let worker: WorkerHarness;

  /** Records a new connector and its provisioning, as the gateway does. */
  async function recordProvisioning(name: string) {
    const account = await worker.registry.getAccountByName(SUBSCRIPTION_ID, 'rg-customer', 'fhirsrv');
    const connector = sampleConnector(account ?? (await worker.registry.upsertAccount(sampleAccount())), name);
    const operation = connectorOperation(connector, OperationType.Provision);
    await worker.operations.createWithResource(connector, operation);
    return { connector, operation };
  }

  const stored = (connector: IomtConnector) => worker.registry.getChildResourceById(SUBSCRIPTION_ID, connector.id, DocumentType.IomtConnector);

  beforeAll(async () => {
    stack = await startWorkerTestStack();
    worker = await startIomtWorker(stack);
    await worker.clusters.upsert(sampleRegion());
  });

  afterEach(() => {
    stack.arm.reset();
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.stop();
  });

  it('a deployment that ends Failed is not retryable; a later attempt deploys again into the same placement', async () => {
    const { connector, operation } = await recordProvisioning('failing');
    stack.arm.setFaults({ failNextDeployments: 1 });
    const error = await worker.send(Subject.ProvisionIomtConnector, operation, RESOURCE_IDS.connector).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteOperationError);
    expect(error).toMatchObject({ retryable: false });
    const placed = await stored(connector);
    expect(placed?.infrastructureResourceGroupName).toBe('rg-iomt-fhirsrv-failing');
    expect(placed?.eventHub.infrastructureResourceId).toBeUndefined();

    await expect(worker.send(Subject.ProvisionIomtConnector, operation, RESOURCE_IDS.connector, 2)).resolves.toEqual({
      deploymentNames: [`iomt-connector-${operation.id}`],
    });
    expect((await stored(connector))?.infrastructureSubscriptionId).toBe(placed?.infrastructureSubscriptionId);
  });

  it('ARM throttling past the client retries is retryable, and the retry succeeds once ARM recovers', async () => {
    const { connector, operation } = await recordProvisioning('throttled');
    const retries = worker.app.get(IOMT_PROVISIONER_CONFIG).ARM_MAX_RETRIES ?? 3;
    stack.arm.setFaults({ throttleNext: (retries + 1) * 10, retryAfterSeconds: 0 });
    const error = await worker.send(Subject.ProvisionIomtConnector, operation, RESOURCE_IDS.connector).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TooManyRequests', retryable: true });
    expect((await stored(connector))?.eventHub.infrastructureResourceId).toBeUndefined();

    stack.arm.reset();
    await worker.send(Subject.ProvisionIomtConnector, operation, RESOURCE_IDS.connector, 2);
    expect((await stored(connector))?.eventHub.infrastructureResourceId).toBeDefined();
  });
});
