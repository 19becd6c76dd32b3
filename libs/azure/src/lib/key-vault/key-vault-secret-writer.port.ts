import type { CallOptions } from '@iomt/domain';

/** A secret of a Key Vault in an infrastructure subscription. */
export interface KeyVaultSecretRef {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly vaultName: string;
  readonly secretName: string;
}

/** Where a secret's new version lives; never its value. */
export interface KeyVaultSecretVersion {
  /** Versionless URI: Function App references that use it pick up the newest version. */
  readonly secretUri: string;
  readonly secretUriWithVersion?: string;
}

/**
 * Writes a new version of a Key Vault secret through ARM (rotation of the storage key behind
 * `blob-storage-cs`, issue 7). The domain has no port for this yet, so it is declared here until
 * it moves to `@iomt/domain`.
 */
export interface KeyVaultSecretWriter {
  /** Sets the secret's value (a new version). The value is a secret: never logged or stored. */
  setSecret(secret: KeyVaultSecretRef, value: string, options?: CallOptions): Promise<KeyVaultSecretVersion>;
}

/** DI token of {@link KeyVaultSecretWriter}. */
export const KEY_VAULT_SECRET_WRITER = Symbol.for('@iomt/azure:KeyVaultSecretWriter');
