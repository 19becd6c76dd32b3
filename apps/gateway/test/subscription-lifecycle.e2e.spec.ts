import { OperationType } from '@iomt/domain';
import { arm, registerSubscription, serviceId } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { startAsTheRouterDoes } from './support/operation-start';
import { operationIdOf, partitionSnapshot, pendingOperations } from './support/store-inspection';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

const BODY = { location: 'westus2', kind: 'fhir-R4' };
const NOTIFICATION = {
  state: 'Registered',
  registrationDate: 'Mon, 02 Feb 2026 10:00:00 GMT',
  properties: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', quotaId: 'Internal_2014-09-01', registeredFeatures: [] },
};

describe('subscription lifecycle (PUT /subscriptions/{id}?api-version=2.0)', () => {
  let gateway: GatewayUnderTest;
  let worker: TestOperationWorker;
  beforeAll(async () => {
    gateway = await startGateway();
    worker = await TestOperationWorker.start(gateway.stack);
  });
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
  });

  const notify = (sub: string, body: unknown) => arm(gateway).put(`/subscriptions/${sub}`, body, '2.0');
  const created = async (sub: string, name: string) => {
    const put = await arm(gateway).put(serviceId(sub, 'rg', name), BODY).expect(201);
    await worker.whenFinished(operationIdOf(put.headers['azure-asyncoperation']));
  };

  it('answers 201 the first time and 200 after, echoing the notification with its unknown members', async () => {
    const sub = newSubscriptionId();
    const first = await notify(sub, { ...NOTIFICATION, futureMember: { x: 1 } }).expect(201);
    expect(first.body).toEqual({ ...NOTIFICATION, futureMember: { x: 1 } });
    await notify(sub, { ...NOTIFICATION, state: 'warned' }).expect(200);
  });

  it.each([
    ['a state ARM does not send', { state: 'Paused' }],
    ['no state', { registrationDate: 'x' }],
    ['a body that is not an object', ['Registered']],
  ])('answers 400 InvalidParameter naming state for %s', async (_case, body) => {
    const response = await notify(newSubscriptionId(), body).expect(400);
    expect(response.body.error.code).toBe('InvalidParameter');
  });

  it('only takes api-version 2.0', async () => {
    const response = await arm(gateway).put(`/subscriptions/${newSubscriptionId()}`, NOTIFICATION, '2023-11-01').expect(400);
    expect(response.body.error.code).toBe('InvalidApiVersionParameter');
  });

  it('serves only GET and DELETE in Warned and Suspended (409 InvalidSubscriptionState for writes)', async () => {
    const sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
    await created(sub, 'fhir-warned');
    for (const state of ['Warned', 'Suspended']) {
      await notify(sub, { ...NOTIFICATION, state }).expect(200);
      const before = await partitionSnapshot(gateway.stack, sub);
      const put = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-new'), BODY).expect(409);
      expect(put.body.error.code).toBe('InvalidSubscriptionState');
      await arm(gateway).patch(serviceId(sub, 'rg', 'fhir-warned'), { tags: {} }).expect(409);
      expect(await partitionSnapshot(gateway.stack, sub)).toEqual(before);
      await arm(gateway).get(serviceId(sub, 'rg', 'fhir-warned')).expect(200);
    }
    const deletion = await arm(gateway).delete(serviceId(sub, 'rg', 'fhir-warned')).expect(202);
    await worker.whenFinished(operationIdOf(deletion.headers['azure-asyncoperation']));
    await notify(sub, { ...NOTIFICATION, state: 'Registered' }).expect(200);
    await arm(gateway).put(serviceId(sub, 'rg', 'fhir-new'), BODY).expect(201);
  });

  it('refuses writes and deletes of an unregistered subscription with 400, and still serves GET', async () => {
    const sub = newSubscriptionId();
    await notify(sub, { ...NOTIFICATION, state: 'Unregistered' }).expect(201);
    const put = await arm(gateway).put(serviceId(sub, 'rg', 'fhir1'), BODY).expect(400);
    expect(put.body.error.code).toBe('InvalidSubscriptionState');
    await arm(gateway).delete(serviceId(sub, 'rg', 'fhir1')).expect(400);
    await arm(gateway).get(serviceId(sub, 'rg', 'fhir1')).expect(404);
  });

  it('deletes every service of a Deleted subscription through operations, and keeps Deleted final', async () => {
    const sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
    await created(sub, 'fhir-d1');
    await created(sub, 'fhir-d2');
    const release = worker.hold();
    await notify(sub, { ...NOTIFICATION, state: 'Deleted' }).expect(200);
    const operations = await pendingOperations(gateway.stack, sub);
    expect(operations.map((o) => o.provisioningOperation)).toEqual([1, 1]);
    const deleting = await arm(gateway).get(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/services`).expect(200);
    expect(deleting.body.value.map((s: { properties: { provisioningState: string } }) => s.properties.provisioningState)).toEqual(['Deleting', 'Deleting']);
    // Repeated notifications are idempotent: the deletions under way count as done.
    await notify(sub, { ...NOTIFICATION, state: 'Deleted' }).expect(200);
    expect(await pendingOperations(gateway.stack, sub)).toHaveLength(2);
    release();
    await Promise.all(operations.map((o) => worker.whenFinished(o.id)));
    const after = await arm(gateway).get(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/services`).expect(200);
    expect(after.body.value).toEqual([]);
    const revived = await notify(sub, { ...NOTIFICATION, state: 'Registered' }).expect(400);
    expect(revived.body.error).toMatchObject({ code: 'InvalidSubscriptionState', target: 'state' });
  });

  it('answers 202 to Deleted while a service operation is running, so that ARM notifies again', async () => {
    const sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
    const release = worker.hold();
    try {
      const put = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-busy'), BODY).expect(201);
      await startAsTheRouterDoes(gateway.stack, sub, operationIdOf(put.headers['azure-asyncoperation']));
      await notify(sub, { ...NOTIFICATION, state: 'Deleted' }).expect(202);
      release();
      await worker.whenFinished(operationIdOf(put.headers['azure-asyncoperation']));
    } finally {
      release();
    }
    await notify(sub, { ...NOTIFICATION, state: 'Deleted' }).expect(200);
    expect((await pendingOperations(gateway.stack, sub)).map((o) => o.provisioningOperation)).toEqual([OperationType.Deprovision]);
  });

  it('deletes a service whose create is still queued right away (the delete supersedes it): 200', async () => {
    const sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
    const release = worker.hold();
    try {
      await arm(gateway).put(serviceId(sub, 'rg', 'fhir-queued'), BODY).expect(201);
      await notify(sub, { ...NOTIFICATION, state: 'Deleted' }).expect(200);
      expect((await pendingOperations(gateway.stack, sub)).map((o) => o.provisioningOperation)).toEqual([OperationType.Provision, OperationType.Deprovision]);
    } finally {
      release();
    }
  });
});
