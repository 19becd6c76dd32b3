import { assertResourceGroupName, type CallOptions, ErrorCode, ValidationError } from '@iomt/domain';
import type { ArmClients } from '../client/arm-clients';
import { mapArmError, withArmErrors } from '../errors/arm-error.mapper';
import type { KeyVaultSecretRef, KeyVaultSecretVersion, KeyVaultSecretWriter } from './key-vault-secret-writer.port';

/** Key Vault secret names: 1-127 letters, digits and hyphens. */
const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/;

/** {@link KeyVaultSecretWriter} with `@azure/arm-keyvault` (`secrets.createOrUpdate`, the ARM PUT of a secret). */
export class ArmKeyVaultSecretWriter implements KeyVaultSecretWriter {
  constructor(private readonly clients: ArmClients) {}

  async setSecret(secret: KeyVaultSecretRef, value: string, options: CallOptions = {}): Promise<KeyVaultSecretVersion> {
    assertResourceGroupName(secret.resourceGroupName);
    if (!SECRET_NAME.test(secret.secretName)) {
      throw new ValidationError(
        `The secret name '${secret.secretName}' is invalid: use 1-127 letters, digits and hyphens.`,
        {
          code: ErrorCode.InvalidParameter,
          target: 'secretName',
        },
      );
    }
    if (value.length === 0) {
      throw new ValidationError('The secret value must not be empty.', {
        code: ErrorCode.InvalidParameter,
        target: 'value',
      });
    }
    return withArmErrors(
      async () => {
        const client = this.clients.keyVault(secret.subscriptionId);
        const result = await client.secrets.createOrUpdate(
          secret.resourceGroupName,
          secret.vaultName,
          secret.secretName,
          { properties: { value } },
          { abortSignal: options.signal },
        );
        const uri = result.properties?.secretUri ?? '';
        return {
          secretUri: uri,
          ...(result.properties?.secretUriWithVersion
            ? { secretUriWithVersion: result.properties.secretUriWithVersion }
            : {}),
        };
      },
      (error) => mapArmError(error, `set the secret '${secret.secretName}' of Key Vault '${secret.vaultName}'`),
      options.signal,
    );
  }
}
