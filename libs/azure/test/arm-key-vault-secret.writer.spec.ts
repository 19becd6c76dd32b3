import { ResourceNotFoundError, ValidationError } from '@iomt/domain';
import { ArmKeyVaultSecretWriter } from '../src/lib/key-vault/arm-key-vault-secret.writer';
import type { KeyVaultSecretRef } from '../src/lib/key-vault/key-vault-secret-writer.port';
import { ArmKeyManager } from '../src/lib/keys/arm-key.manager';
import { type AzureFixture, deployConnector, startAzureFixture } from './support/fake-arm.fixture';

describe('ArmKeyVaultSecretWriter against the fake ARM', () => {
  let fixture: AzureFixture;
  let writer: ArmKeyVaultSecretWriter;
  let secret: KeyVaultSecretRef;

  beforeEach(async () => {
    fixture = await startAzureFixture();
    const { connector } = await deployConnector(fixture);
    writer = new ArmKeyVaultSecretWriter(fixture.clients);
    secret = {
      subscriptionId: connector.infrastructureSubscriptionId!,
      resourceGroupName: connector.infrastructureResourceGroupName!,
      vaultName: connector.keyVault.infrastructureResourceName!,
      secretName: connector.keyVault.webJobStorageSecretName,
    };
  });
  afterEach(() => fixture.stop());

  const stored = () => fixture.fakeArm.resources('Microsoft.KeyVault/vaults/secrets')[0];

  it('writes a new version of blob-storage-cs after a storage key rotation; the versionless URI stays', async () => {
    const keys = new ArmKeyManager(fixture.clients);
    const before = stored().properties;
    const accountName = fixture.fakeArm.resources('Microsoft.Storage/storageAccounts')[0].name;
    const storage = {
      kind: 'storageAccount' as const,
      subscriptionId: secret.subscriptionId,
      resourceGroupName: secret.resourceGroupName,
      accountName,
    };
    const rotated = await keys.regenerateKey(storage, 'secondary');
    const version = await writer.setSecret(secret, rotated.secondaryConnectionString!);
    expect(fixture.fakeArm.secretValue(stored().id)).toBe(rotated.secondaryConnectionString);
    expect(version.secretUri).toBe(before.secretUri);
    expect(version.secretUriWithVersion).not.toBe(before.secretUriWithVersion);
    expect(JSON.stringify(version)).not.toContain(rotated.secondaryKey);
  });

  it('refuses a bad secret name or an empty value before calling ARM', async () => {
    fixture.fakeArm.clearCalls();
    await expect(writer.setSecret({ ...secret, secretName: 'blob_storage' }, 'x')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(writer.setSecret(secret, '')).rejects.toMatchObject({ target: 'value' });
    expect(fixture.fakeArm.calls().total).toBe(0);
  });

  it('answers ResourceNotFoundError for a vault that does not exist', async () => {
    await expect(writer.setSecret({ ...secret, vaultName: 'kv-missing' }, 'x')).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
  });
});
