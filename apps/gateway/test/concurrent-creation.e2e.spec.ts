import { DocumentType } from '@iomt/domain';
import { arm, connectorId, IOMT_API, registerSubscription, serviceId } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { releaseSnapshotsTogether } from './support/snapshot-race';
import { pendingOperations } from './support/store-inspection';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

const SERVICE_BODY = { location: 'westus2', kind: 'fhir-R4' };
const CONNECTOR_BODY = { location: 'westus2', properties: { serviceConfiguration: { resourceIdentityResolutionType: 'Create' } } };

/** Two (or more) PUTs creating one new name at the same instant: one is admitted, the others get 409. */
describe('concurrent creations of one name', () => {
  let gateway: GatewayUnderTest;
  let worker: TestOperationWorker;
  let sub: string;
  beforeAll(async () => {
    gateway = await startGateway();
    worker = await TestOperationWorker.start(gateway.stack);
  });
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
  });
  beforeEach(async () => {
    sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
  });

  const documentsOfType = async (type: string) => {
    const { accountRegistry } = await gateway.stack.containers();
    const query = { query: 'SELECT * FROM c WHERE c.partitionKey = @p AND c.type = @t', parameters: [{ name: '@p', value: sub }, { name: '@t', value: type }] };
    return (await accountRegistry.items.query(query).fetchAll()).resources;
  };

  async function race(paths: readonly string[], body: unknown, version?: string) {
    const restore = releaseSnapshotsTogether(gateway, paths.length);
    try {
      return await Promise.all(paths.map((path) => arm(gateway).put(path, body, version)));
    } finally {
      restore();
    }
  }

  it('admits one of two PUTs creating the same FHIR service (the resource group in other casing) and answers 409 Conflict to the other', async () => {
    const responses = await race([serviceId(sub, 'rg', 'fhir-race'), serviceId(sub, 'RG', 'fhir-race')], SERVICE_BODY);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)?.body.error).toMatchObject({ code: 'Conflict', message: expect.stringContaining('another request') });
    expect(await documentsOfType(DocumentType.Account)).toHaveLength(1);
    expect(await pendingOperations(gateway.stack, sub)).toHaveLength(1);
  });

  it('admits one of four PUTs creating the same connector', async () => {
    await worker.whenAccepted(await arm(gateway).put(serviceId(sub, 'rg', 'fhir-parent'), SERVICE_BODY).expect(201));
    const path = connectorId(sub, 'rg', 'fhir-parent', 'conn-race');

    const responses = await race([path, path, path, path], CONNECTOR_BODY, IOMT_API);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await documentsOfType(DocumentType.IomtConnector)).toHaveLength(1);
    expect(await pendingOperations(gateway.stack, sub)).toHaveLength(1);
  });

  it('admits racing creations of different names', async () => {
    const responses = await race([serviceId(sub, 'rg', 'fhir-a'), serviceId(sub, 'rg', 'fhir-b')], SERVICE_BODY);
    expect(responses.map((r) => r.status)).toEqual([201, 201]);
  });

  it('creates a name again after its resource was deleted, and still admits only one of two racing re-creations', async () => {
    const id = serviceId(sub, 'rg', 'fhir-again');
    await worker.whenAccepted(await arm(gateway).put(id, SERVICE_BODY).expect(201));
    await worker.whenAccepted(await arm(gateway).delete(id).expect(202));
    await arm(gateway).get(id).expect(404);

    const responses = await race([id, id], SERVICE_BODY);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = responses.find((r) => r.status === 201);
    await worker.whenAccepted(created as unknown as { headers: Record<string, string> });
    expect((await arm(gateway).get(id).expect(200)).body.properties.provisioningState).toBe('Succeeded');
  });
});
