import { FHIR_NAME_CLAIM_PARTITION, FHIR_NAME_CLAIM_TYPE } from '../src/infrastructure/cosmos/cosmos-fhir-service-name-claims';
import { nameBasedGuid } from '../src/infrastructure/cosmos/cosmos-name-claims';
import { FHIR_SERVICE_NAME_CLAIMS, type FhirServiceNameClaims } from '../src/ports/fhir-service-name-claims.port';
import { arm, registerSubscription, serviceId } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId } from './support/gateway-under-test';
import { useGatewayWithWorker } from './support/gateway-with-worker';
import { releaseSnapshotsTogether } from './support/snapshot-race';
import { partitionSnapshot } from './support/store-inspection';
import type { TestOperationWorker } from './support/test-operation-worker';

jest.setTimeout(30_000);

const BODY = { location: 'westus2', kind: 'fhir-R4' };

/** FHIR service names are DNS names: one live service per name across every subscription. */
describe('FHIR service names are unique across subscriptions', () => {
  let gateway: GatewayUnderTest;
  let worker: TestOperationWorker;
  let first: string;
  let second: string;
  let counter = 0;
  let name: string;
  useGatewayWithWorker((g, w) => ([gateway, worker] = [g, w]));
  beforeEach(async () => {
    [first, second] = [newSubscriptionId(), newSubscriptionId()];
    await Promise.all([registerSubscription(gateway, first), registerSubscription(gateway, second)]);
    counter += 1;
    name = `fhir-unique-${counter}`;
  });

  const put = (sub: string, rg = 'rg') => arm(gateway).put(serviceId(sub, rg, name), BODY);
  const available = async () =>
    (await arm(gateway).post(`/subscriptions/${second}/providers/Microsoft.HealthcareApis/checkNameAvailability`, { name, type: 'Microsoft.HealthcareApis/services' }).expect(200)).body;

  it('refuses the name in another subscription with 400 NameNotAvailable and stores nothing for it', async () => {
    await worker.whenAccepted(await put(first).expect(201));
    const before = await partitionSnapshot(gateway.stack, second);

    const refused = await put(second).expect(400);

    expect(refused.body.error).toMatchObject({ code: 'NameNotAvailable', target: 'name', message: expect.stringContaining('Service name is not available') });
    expect(refused.headers['x-ms-failurecause']).toBe('client');
    expect(await partitionSnapshot(gateway.stack, second)).toEqual(before);
    expect(await available()).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
  });

  it('refuses it while the first service is still being created, and in another resource group of the same subscription', async () => {
    const release = worker.hold();
    try {
      await put(first).expect(201);
      expect((await put(second).expect(400)).body.error.code).toBe('NameNotAvailable');
      expect((await put(first, 'other-rg').expect(400)).body.error.code).toBe('NameNotAvailable');
    } finally {
      release();
    }
  });

  it('lets the holder update its service, and a repeated PUT of the same service is not refused for its own name', async () => {
    await worker.whenAccepted(await put(first).expect(201));
    await worker.whenAccepted(await arm(gateway).put(serviceId(first, 'RG', name), { ...BODY, tags: { a: 'b' } }).expect(200));
  });

  it('frees the name when its service is deleted: another subscription can then create it, and checkNameAvailability agrees at each step', async () => {
    expect(await available()).toEqual({ nameAvailable: true });
    await worker.whenAccepted(await put(first).expect(201));
    expect(await available()).toMatchObject({ nameAvailable: false });
    await worker.whenAccepted(await arm(gateway).delete(serviceId(first, 'rg', name)).expect(202));

    expect(await available()).toEqual({ nameAvailable: true });
    await worker.whenAccepted(await put(second).expect(201));
    expect((await put(first).expect(400)).body.error.code).toBe('NameNotAvailable');
  });

  it('takes over a claim whose holder never came to exist (a gateway that crashed between claim and admission)', async () => {
    const { accountRegistry } = await gateway.stack.containers();
    await accountRegistry.items.create({
      id: `fhirname-${nameBasedGuid(name)}`,
      type: FHIR_NAME_CLAIM_TYPE,
      partitionKey: FHIR_NAME_CLAIM_PARTITION,
      resourceKey: `/subscriptions/${first}/resourcegroups/rg/services/${name}`,
      subscriptionId: first,
      resourceGroupName: 'rg',
      fhirServiceName: name,
    });
    expect(await available()).toEqual({ nameAvailable: true });

    await worker.whenAccepted(await put(second).expect(201));
    expect((await put(first).expect(400)).body.error.code).toBe('NameNotAvailable');
  });

  it('admits exactly one of two creations of the name racing from two subscriptions', async () => {
    const restore = releaseSnapshotsTogether(gateway, 2);
    const responses = await Promise.all([put(first), put(second)]).finally(restore);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 400]);
    const loser = responses.find((r) => r.status === 400)!;
    expect(loser.body.error.code).toBe('NameNotAvailable');
  });

  it('a losing creation of the same service does not free the name its winner holds', async () => {
    const restore = releaseSnapshotsTogether(gateway, 2);
    const responses = await Promise.all([put(first), put(first, 'RG')]).finally(restore);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = responses.find((r) => r.status === 201)!;
    await worker.whenAccepted(created as unknown as { headers: Record<string, string> });
    // The loser's release must not free the name the winner holds.
    expect((await put(second).expect(400)).body.error.code).toBe('NameNotAvailable');
  });

  it('release gives up a claim whose service never came to exist, and keeps one whose service is live', async () => {
    const claims = gateway.app.get<FhirServiceNameClaims>(FHIR_SERVICE_NAME_CLAIMS);
    const mine = { subscriptionId: first, resourceGroupName: 'rg', fhirServiceName: name };
    const theirs = { ...mine, subscriptionId: second };
    expect(await claims.claim(mine)).toBe(true);
    expect(await claims.claim(mine)).toBe(false);

    await claims.release(mine);
    expect(await claims.claim(theirs)).toBe(true);

    await worker.whenAccepted(await put(second).expect(201));
    await claims.release(theirs);
    await claims.release(mine);
    expect(await claims.isHeld(name)).toBe(true);
    expect((await put(first).expect(400)).body.error.code).toBe('NameNotAvailable');
  });
});
