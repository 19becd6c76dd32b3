import { OperationType, ResourceNotFoundError } from '@iomt/domain';
import { FhirWorld, SERVICE_ID, SUBSCRIPTION_ID } from '../testing/fhir-world';
import { loadAccount } from './work-context';

const OTHER_SERVICE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-customer/providers/Microsoft.HealthcareApis/services/other`;

describe('loadAccount', () => {
  function setUp() {
    const world = new FhirWorld();
    const operation = world.operation(OperationType.Provision);
    const byName = jest.spyOn(world.registry, 'getAccountByName');
    const byId = jest.spyOn(world.registry, 'getParentByChild');
    return { world, operation, byName, byId };
  }

  it("reads the service by the operation's accountId, with no name query", async () => {
    const { world, operation, byName, byId } = setUp();
    await expect(loadAccount(world.registry, operation, SERVICE_ID)).resolves.toMatchObject({ id: world.account.id });
    expect(byId).toHaveBeenCalledWith(expect.objectContaining({ parentId: world.account.id, subscriptionId: SUBSCRIPTION_ID }));
    expect(byName).not.toHaveBeenCalled();
  });

  it('finds the service by name when the operation names no account', async () => {
    const { world, operation, byName } = setUp();
    const { accountId: _ignored, ...withoutId } = operation as typeof operation & { accountId?: string };
    await expect(loadAccount(world.registry, withoutId, SERVICE_ID)).resolves.toMatchObject({ id: world.account.id });
    expect(byName).toHaveBeenCalledWith(SUBSCRIPTION_ID, 'rg-customer', 'fhirsrv');
  });

  it.each([
    ['upper-case names in the resource id', SERVICE_ID.replace('rg-customer', 'RG-Customer').replace('fhirsrv', 'FhirSrv')],
  ])('accepts %s (ARM names ignore case)', async (_what, resourceId) => {
    const { world, operation } = setUp();
    await expect(loadAccount(world.registry, operation, resourceId)).resolves.toMatchObject({ id: world.account.id });
  });

  it.each([
    ['the resource id names another service', (w: FhirWorld) => w.operation(OperationType.Provision), OTHER_SERVICE_ID],
    ['the operation is in another resource group', (w: FhirWorld) => ({ ...w.operation(OperationType.Provision), resourceGroupName: 'rg-other' }), SERVICE_ID],
    ['the accountId is another incarnation', (w: FhirWorld) => ({ ...w.operation(OperationType.Provision), accountId: 'anotherincarnation00000000' }), SERVICE_ID],
    ['the service was deleted', (w: FhirWorld) => (w.registry.documents.set(w.account.id, { ...w.account, deleted: true }), w.operation(OperationType.Provision)), SERVICE_ID],
  ])('refuses with ResourceNotFound when %s', async (_what, operationOf, resourceId) => {
    const world = new FhirWorld();
    const operation = operationOf(world);
    await expect(loadAccount(world.registry, operation, resourceId)).rejects.toThrow(ResourceNotFoundError);
    await expect(loadAccount(world.registry, operation, resourceId)).rejects.toThrow(/FHIR service \w+ does not exist/);
  });
});
