import { createFhirServiceAccount, createIomtConnector } from '../model';
import { InMemoryAccountRegistry } from '../../testing/in-memory-account-registry';
import { readAccountById } from './account-by-id';

const SUBSCRIPTION_ID = '0b5a8c1e-4e8d-4f0e-9a59-2d3b7a1c9e01';
const account = createFhirServiceAccount({ id: 'hlvtf8c5mk3fjreha6tjexqu7', name: 'fhir1', subscriptionId: SUBSCRIPTION_ID, resourceGroupName: 'rg', location: 'westus2', kind: 'fhir-R4' });
const connector = createIomtConnector(account, { id: 'connector-id-1', connectorName: 'connector1', location: 'westus2' });

describe('readAccountById', () => {
  it('reads the account the id names', async () => {
    const registry = new InMemoryAccountRegistry();
    registry.seed(account);
    await expect(readAccountById(registry, SUBSCRIPTION_ID, account.id)).resolves.toEqual(registry.stored(account.id));
  });

  it.each([
    ['a missing id', (_registry: InMemoryAccountRegistry) => undefined, 'missing'],
    ['the id of a connector', (registry: InMemoryAccountRegistry) => void registry.seed(connector), connector.id],
    ['a soft-deleted account', (registry: InMemoryAccountRegistry) => void registry.seed({ ...account, deleted: true }), account.id],
  ])('gives undefined for %s', async (_case, arrange, id) => {
    const registry = new InMemoryAccountRegistry();
    arrange(registry);
    await expect(readAccountById(registry, SUBSCRIPTION_ID, id)).resolves.toBeUndefined();
  });
});
