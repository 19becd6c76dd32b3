import { arm, registerSubscription, serviceId } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { operationIdOf } from './support/store-inspection';
import { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

const BODY = { location: 'westus2', kind: 'fhir-R4' };

describe('long-running operations of services, with a worker ending them', () => {
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
    worker.decide = () => 'complete';
    sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
  });

  /** Accepts a write and waits for the worker to end its operation. */
  const finished = async (response: { headers: Record<string, string> }) => worker.whenFinished(operationIdOf(response.headers['azure-asyncoperation']));

  it('reports a running create as Requested (202 on Location), then Succeeded with the service (200)', async () => {
    const release = worker.hold();
    const put = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-lro'), BODY).expect(201);
    const pending = await arm(gateway).follow(put.headers['azure-asyncoperation']).expect(200);
    expect(pending.body).toMatchObject({ status: 'Requested', percentComplete: 0, name: operationIdOf(put.headers['azure-asyncoperation']) });
    const location = await arm(gateway).follow(put.headers['location']).expect(202);
    expect(location.headers['location']).toBe(put.headers['location']);
    expect(location.headers['retry-after']).toBe('1');
    release();
    await finished(put);

    const status = await arm(gateway).follow(put.headers['azure-asyncoperation']).expect(200);
    expect(status.body).toEqual({
      id: new URL(put.headers['azure-asyncoperation']).pathname,
      name: operationIdOf(put.headers['azure-asyncoperation']),
      status: 'Succeeded',
      startTime: expect.any(String),
      endTime: expect.any(String),
      percentComplete: 100,
    });
    const result = await arm(gateway).follow(put.headers['location']).expect(200);
    expect(result.body).toMatchObject({ name: 'fhir-lro', properties: { provisioningState: 'Succeeded' } });
    const get = await arm(gateway).get(serviceId(sub, 'rg', 'fhir-lro')).expect(200);
    expect(get.body.properties.provisioningState).toBe('Succeeded');
  });

  it('updates with PUT (200, Updating) and PATCH (202, tags replaced)', async () => {
    const id = serviceId(sub, 'rg', 'fhir-update');
    await finished(await arm(gateway).put(id, { ...BODY, tags: { a: '1' } }).expect(201));
    const update = await arm(gateway).put(id, { ...BODY, tags: { b: '2' } }).expect(200);
    expect(update.body).toMatchObject({ tags: { b: '2' }, properties: { provisioningState: 'Updating' } });
    await finished(update);
    const patch = await arm(gateway).patch(id, { tags: { c: '3' } }).expect(202);
    expect(patch.headers['location']).toContain('/operationresults/');
    expect(patch.body).toMatchObject({ tags: { c: '3' }, properties: { provisioningState: 'Updating' } });
    await finished(patch);
    const result = await arm(gateway).follow(patch.headers['location']).expect(200);
    expect(result.body).toMatchObject({ tags: { c: '3' }, properties: { provisioningState: 'Succeeded' } });
  });

  it('refuses a change of location or kind on update with 400 PropertyChangeNotAllowed', async () => {
    const id = serviceId(sub, 'rg', 'fhir-immutable');
    await finished(await arm(gateway).put(id, BODY).expect(201));
    const location = await arm(gateway).put(id, { ...BODY, location: 'uksouth' }).expect(400);
    expect(location.body.error).toMatchObject({ code: 'PropertyChangeNotAllowed', target: 'location' });
    const kind = await arm(gateway).put(id, { ...BODY, kind: 'fhir-Stu3' }).expect(400);
    expect(kind.body.error).toMatchObject({ code: 'PropertyChangeNotAllowed', target: 'kind' });
    const state = await arm(gateway).put(id, { ...BODY, properties: { provisioningState: 'Failed' } }).expect(400);
    expect(state.body.error.target).toBe('properties.provisioningState');
    await arm(gateway).put(id, { ...BODY, properties: { provisioningState: 'Succeeded' } }).expect(200);
  });

  it('deletes: 202 without a body, the same answer while it runs, then 404, 204 on Location and gone from lists', async () => {
    const id = serviceId(sub, 'rg', 'fhir-delete');
    await finished(await arm(gateway).put(id, BODY).expect(201));
    const release = worker.hold();
    const deletion = await arm(gateway).delete(id).expect(202);
    expect(deletion.body).toEqual({});
    expect(deletion.headers['retry-after']).toBe('1');
    const again = await arm(gateway).delete(id).expect(202);
    expect(again.headers['azure-asyncoperation']).toBe(deletion.headers['azure-asyncoperation']);
    const deleting = await arm(gateway).get(id).expect(200);
    expect(deleting.body.properties.provisioningState).toBe('Deleting');
    release();
    await finished(deletion);
    await arm(gateway).get(id).expect(404);
    await arm(gateway).follow(deletion.headers['location']).expect(204);
    const list = await arm(gateway).get(`/subscriptions/${sub}/providers/Microsoft.HealthcareApis/services`).expect(200);
    expect(list.body.value).toEqual([]);
    await arm(gateway).delete(id).expect(204);
  });

  it('reports a failed operation: status Failed with its error, the error on Location, the service Failed', async () => {
    worker.decide = () => 'fail';
    const id = serviceId(sub, 'rg', 'fhir-fail');
    const put = await arm(gateway).put(id, BODY).expect(201);
    await finished(put);
    const status = await arm(gateway).follow(put.headers['azure-asyncoperation']).expect(200);
    expect(status.body).toMatchObject({ status: 'Failed', error: { code: 'InvalidRequestContent', message: expect.stringContaining('told to fail') } });
    expect(status.headers['x-ms-failurecause']).toBe('client');
    const result = await arm(gateway).follow(put.headers['location']).expect(400);
    expect(result.body.error.code).toBe('InvalidRequestContent');
    expect(result.headers['x-ms-failurecause']).toBe('client');
    const get = await arm(gateway).get(id).expect(200);
    expect(get.body.properties.provisioningState).toBe('Failed');
    worker.decide = () => 'complete';
    const retry = await arm(gateway).put(id, BODY).expect(200);
    await finished(retry);
    expect((await arm(gateway).follow(retry.headers['azure-asyncoperation']).expect(200)).headers['x-ms-failurecause']).toBeUndefined();
    expect((await arm(gateway).get(id).expect(200)).body.properties.provisioningState).toBe('Succeeded');
  });

  it('answers 404 for the status of another subscription operation or another region, and 400 for a malformed id', async () => {
    const put = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-scoped'), BODY).expect(201);
    await finished(put);
    const other = newSubscriptionId();
    const foreign = put.headers['azure-asyncoperation'].replace(sub, other);
    await arm(gateway).follow(foreign).expect(404);
    await arm(gateway).follow(put.headers['location'].replace(sub, other)).expect(404);
    await arm(gateway).follow(put.headers['azure-asyncoperation'].replace('westus2', 'uksouth')).expect(404);
    const malformed = put.headers['azure-asyncoperation'].replace(operationIdOf(put.headers['azure-asyncoperation']), '-bad~id');
    const response = await arm(gateway).follow(malformed).expect(400);
    expect(response.body.error.code).toBe('InvalidOperationId');
  });
});
