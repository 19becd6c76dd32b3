import { OperationStatus, OperationType } from '@iomt/domain';
import { arm, connectorId, IOMT_API, registerSubscription, serviceId, nameIn } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { FHIR_MAPPING } from './support/mapping-templates';
import { startAsTheRouterDoes as startOperation } from './support/operation-start';
import { operationIdOf, partitionSnapshot, pendingOperations } from './support/store-inspection';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

const SERVICE_BODY = { location: 'westus2', kind: 'fhir-R4' };
const CONNECTOR_BODY = { location: 'westus2', properties: { serviceConfiguration: { resourceIdentityResolutionType: 'Create' } } };

/**
 * A DELETE while the resource's create (or update) is still queued is admitted behind it (the
 * router's cancel rule then cancels a superseded create); once the create runs, the DELETE waits (409).
 */
describe('DELETE of a resource whose create is unfinished', () => {
  let gateway: GatewayUnderTest;
  let worker: TestOperationWorker;
  let sub: string;
  let release: (() => void) | undefined;
  beforeAll(async () => {
    gateway = await startGateway();
    worker = await TestOperationWorker.start(gateway.stack);
  });
  afterAll(async () => {
    release?.();
    await worker?.stop();
    await gateway?.stop();
  });
  beforeEach(async () => {
    sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
  });
  afterEach(() => {
    release?.();
    release = undefined;
  });

  const iomt = {
    put: (path: string, body: unknown) => arm(gateway).put(path, body, IOMT_API),
    get: (path: string) => arm(gateway).get(path, IOMT_API),
    delete: (path: string) => arm(gateway).delete(path, IOMT_API),
  };

  /** The router starts the operation of an accepted request. */
  const startAsTheRouterDoes = (response: { headers: Record<string, string> }) =>
    startOperation(gateway.stack, sub, operationIdOf(response.headers['azure-asyncoperation']));

  /** A provisioned FHIR service, then the worker held so that what follows stays queued. */
  async function provisionedServiceThenHold(name = nameIn(sub, 'fhir-parent')): Promise<string> {
    const id = serviceId(sub, 'rg', name);
    await worker.whenAccepted(await arm(gateway).put(id, SERVICE_BODY).expect(201));
    release = worker.hold();
    return id;
  }

  it('accepts the DELETE of a service whose create is queued: 202 with LRO headers, Deleting, a Deprovision queued behind the create', async () => {
    release = worker.hold();
    const id = serviceId(sub, 'rg', nameIn(sub, 'fhir-queued'));
    const create = await arm(gateway).put(id, SERVICE_BODY).expect(201);

    const deletion = await arm(gateway).delete(id).expect(202);

    expect(deletion.headers['azure-asyncoperation']).toContain(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/locations/westus2/operationstatuses/`);
    expect(deletion.headers['location']).toBe(deletion.headers['azure-asyncoperation'].replace('operationstatuses', 'operationresults'));
    expect(deletion.headers['retry-after']).toBe('1');
    expect((await arm(gateway).get(id).expect(200)).body.properties.provisioningState).toBe('Deleting');
    const [queuedCreate, queuedDelete] = await pendingOperations(gateway.stack, sub);
    expect(queuedCreate).toMatchObject({ id: operationIdOf(create.headers['azure-asyncoperation']), provisioningOperation: OperationType.Provision, provisioningStatus: OperationStatus.Requested });
    expect(queuedDelete).toMatchObject({ id: operationIdOf(deletion.headers['azure-asyncoperation']), provisioningOperation: OperationType.Deprovision, accountId: queuedCreate.accountId });
    expect(Date.parse(queuedDelete.timeEnqueued)).toBeGreaterThanOrEqual(Date.parse(queuedCreate.timeEnqueued));
    // A second DELETE answers with the first one's operation.
    const again = await arm(gateway).delete(id).expect(202);
    expect(again.headers['azure-asyncoperation']).toBe(deletion.headers['azure-asyncoperation']);
  });

  it('answers 409 to the DELETE of a service whose create is running, changing nothing', async () => {
    release = worker.hold();
    const id = serviceId(sub, 'rg', nameIn(sub, 'fhir-running'));
    await startAsTheRouterDoes(await arm(gateway).put(id, SERVICE_BODY).expect(201));
    const before = await partitionSnapshot(gateway.stack, sub);

    const response = await arm(gateway).delete(id).expect(409);

    expect(response.body.error).toMatchObject({ code: 'Conflict', target: id });
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it('accepts the DELETE of a connector whose create is queued, and answers 409 once it runs', async () => {
    await provisionedServiceThenHold();
    const queued = connectorId(sub, 'rg', nameIn(sub, 'fhir-parent'), 'conn-queued');
    await iomt.put(queued, CONNECTOR_BODY).expect(201);
    await iomt.delete(queued).expect(202);
    expect((await iomt.get(queued).expect(200)).body.properties.provisioningState).toBe('Deleting');

    const running = connectorId(sub, 'rg', nameIn(sub, 'fhir-parent'), 'conn-running');
    await startAsTheRouterDoes(await iomt.put(running, CONNECTOR_BODY).expect(201));
    const before = await partitionSnapshot(gateway.stack, sub);
    await iomt.delete(running).expect(409);
    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });

  it.each([
    ['its connector\'s create', (id: string) => iomt.put(`${id}/iomtconnectors/conn1`, CONNECTOR_BODY).expect(201), OperationType.Provision],
    ['its own update', (id: string) => arm(gateway).put(id, { ...SERVICE_BODY, tags: { stage: 'two' } }).expect(200), OperationType.Patch],
  ])('accepts the DELETE of a service while %s is queued', async (_case, queue, queuedType) => {
    const id = await provisionedServiceThenHold();
    await queue(id);

    await arm(gateway).delete(id).expect(202);

    expect((await pendingOperations(gateway.stack, sub)).map((o) => o.provisioningOperation)).toEqual([queuedType, OperationType.Deprovision]);
  });

  it('still answers 409 to the DELETE of a connector whose mapping update is queued', async () => {
    await provisionedServiceThenHold();
    const path = connectorId(sub, 'rg', nameIn(sub, 'fhir-parent'), 'conn-mapped');
    release?.();
    await worker.whenAccepted(await iomt.put(path, CONNECTOR_BODY).expect(201));
    release = worker.hold();
    await iomt.put(`${path}/mappings/fhirMapping`, { properties: { content: FHIR_MAPPING } }).expect(201);
    const before = await partitionSnapshot(gateway.stack, sub);

    await iomt.delete(path).expect(409);

    expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
  });
});
