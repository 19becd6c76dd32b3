import { z } from 'zod';
import { infrastructureResourceShape } from '../common/infrastructure';
import { keyVaultSecretName } from '../validation/rules';

/** Seed defaults of {@link IomtKeyVaultResourceDefinition}. */
export const KEY_VAULT_DEFAULTS = { webJobStorageSecretName: 'blob-storage-cs' } as const;

/** The connector's Key Vault (seed 004 `IomtKeyVaultResourceDefinition`). */
export const keyVaultResourceDefinitionSchema = z.object({
  ...infrastructureResourceShape,
  /** Name of the secret holding the storage connection string; the value never leaves Key Vault. */
  webJobStorageSecretName: keyVaultSecretName().default(KEY_VAULT_DEFAULTS.webJobStorageSecretName),
});

/** The connector's Key Vault and the name of the storage secret in it. */
export type IomtKeyVaultResourceDefinition = z.output<typeof keyVaultResourceDefinitionSchema>;
