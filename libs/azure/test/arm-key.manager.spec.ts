import type { EventHubPolicyTarget, StorageAccountTarget } from '@iomt/domain';
import { ResourceNotFoundError, ValidationError } from '@iomt/domain';
import { ArmKeyManager } from '../src/lib/keys/arm-key.manager';
import {
  type AzureFixture,
  type DeployedConnector,
  deployConnector,
  startAzureFixture,
} from './support/fake-arm.fixture';

describe('ArmKeyManager against the fake ARM', () => {
  let fixture: AzureFixture;
  let deployed: DeployedConnector;
  let keys: ArmKeyManager;
  let reader: EventHubPolicyTarget;
  let storage: StorageAccountTarget;

  beforeEach(async () => {
    fixture = await startAzureFixture();
    deployed = await deployConnector(fixture);
    keys = new ArmKeyManager(fixture.clients);
    const {
      infrastructureSubscriptionId: subscriptionId,
      infrastructureResourceGroupName: resourceGroupName,
      eventHub,
    } = deployed.connector;
    const place = { subscriptionId: subscriptionId!, resourceGroupName: resourceGroupName! };
    reader = {
      kind: 'eventHubAuthorizationRule',
      ...place,
      namespaceName: eventHub.infrastructureResourceName!,
      eventHubName: 'normalizeddeviceinput',
      ruleName: 'reader',
    };
    storage = { kind: 'storageAccount', ...place, accountName: deployed.connector.storage.infrastructureResourceName! };
  });
  afterEach(() => fixture.stop());

  /** The key the Stream Analytics input was deployed with (the fake shows input properties). */
  const inputKey = () =>
    (
      fixture.fakeArm.resources('Microsoft.StreamAnalytics/streamingjobs/inputs')[0].properties.datasource as {
        properties: { sharedAccessPolicyKey: string };
      }
    ).properties.sharedAccessPolicyKey;

  it('lists the keys of a hub policy: the ones the template wired into the job', async () => {
    const listed = await keys.listKeys(reader);
    expect(listed.keyName).toBe('reader');
    expect(listed.primaryKey).toBe(inputKey());
    expect(listed.secondaryKey).not.toBe(listed.primaryKey);
    expect(listed.primaryConnectionString).toMatch(
      new RegExp(
        `SharedAccessKeyName=reader;SharedAccessKey=${escape(listed.primaryKey)};EntityPath=normalizeddeviceinput$`,
      ),
    );
  });

  it.each(['secondary', 'primary'] as const)('regenerates the %s slot of a hub policy only', async (slot) => {
    const before = await keys.listKeys(reader);
    const after = await keys.regenerateKey(reader, slot);
    const other = slot === 'primary' ? 'secondaryKey' : 'primaryKey';
    expect(after[`${slot}Key`]).not.toBe(before[`${slot}Key`]);
    expect(after[other]).toBe(before[other]);
    expect(await keys.listKeys(reader)).toEqual(after);
  });

  it('handles namespace-level policies', async () => {
    const root = { ...reader, eventHubName: undefined, ruleName: 'RootManageSharedAccessKey' };
    const before = await keys.listKeys(root);
    const after = await keys.regenerateKey(root, 'secondary');
    expect(after).toMatchObject({ keyName: 'RootManageSharedAccessKey', primaryKey: before.primaryKey });
    expect(after.secondaryKey).not.toBe(before.secondaryKey);
    expect(after.primaryConnectionString).not.toContain('EntityPath');
  });

  it('lists storage keys (key1 = primary) with connection strings, matching the Key Vault secret', async () => {
    const listed = await keys.listKeys(storage);
    const secret = fixture.fakeArm.resources('Microsoft.KeyVault/vaults/secrets')[0];
    expect(listed.primaryConnectionString).toBe(fixture.fakeArm.secretValue(secret.id));
    expect(listed.primaryConnectionString).toContain(`AccountKey=${listed.primaryKey};`);
  });

  it('regenerates key2 for the secondary slot and leaves key1 alone', async () => {
    const before = await keys.listKeys(storage);
    const after = await keys.regenerateKey(storage, 'secondary');
    expect(after.primaryKey).toBe(before.primaryKey);
    expect(after.secondaryKey).not.toBe(before.secondaryKey);
    expect(fixture.fakeArm.calls().log.at(-1)?.path).toMatch(/storageAccounts\/[^/]+\/regenerateKey$/);
  });

  it.each([
    ['a policy', () => ({ ...reader, ruleName: 'nope' })],
    ['a hub', () => ({ ...reader, eventHubName: 'nohub' })],
    ['a storage account', () => ({ ...storage, accountName: 'nosuchaccount' })],
  ])('answers ResourceNotFoundError for %s that does not exist, naming it without keys', async (_, target) => {
    const error = await keys.listKeys(target()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect((error as Error).message).toMatch(/nope|nohub|nosuchaccount/);
  });

  it('refuses a bad resource group name before calling ARM', async () => {
    fixture.fakeArm.clearCalls();
    await expect(keys.regenerateKey({ ...storage, resourceGroupName: 'a/b' }, 'primary')).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(fixture.fakeArm.calls().total).toBe(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
