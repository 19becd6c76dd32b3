import type { CallOptions } from './call-options';

/** A secret of a Key Vault in an infrastructure subscription (e.g. a connector's `blob-storage-cs`). */
export interface KeyVaultSecretRef {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly vaultName: string;
  readonly secretName: string;
}

/** Where a secret's new version lives; never its value. */
export interface KeyVaultSecretVersion {
  /** Versionless URI: references that use it pick up the newest version. */
  readonly secretUri: string;
  readonly secretUriWithVersion?: string;
}

/**
 * Writes new versions of Key Vault secrets (the key rotator's storage-key rotation, issue 7: the
 * connection string behind `blob-storage-cs` moves to the regenerated standby key). The shape is
 * the one `@iomt/azure`'s `ArmKeyVaultSecretWriter` implements.
 */
export interface KeyVaultSecretWriter {
  /**
   * Sets the secret's value as a new version. The value is a secret: never logged or stored.
   * @throws ValidationError for a bad name or an empty value; the ARM error kinds otherwise.
   */
  setSecret(secret: KeyVaultSecretRef, value: string, options?: CallOptions): Promise<KeyVaultSecretVersion>;
}

/** DI token of {@link KeyVaultSecretWriter}. */
export const KEY_VAULT_SECRET_WRITER = Symbol.for('@iomt/domain:KeyVaultSecretWriter');
