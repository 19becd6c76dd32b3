import { randomBytes } from 'node:crypto';
import type { ArmState, ResourceBehaviour } from './arm-state';

/**
 * Key Vault as templates use it: a vault has its URI; a secret's value is kept out of its
 * properties (ARM never returns it, and inspection must not show it), and every write makes a
 * new version, so `reference(secret).secretUriWithVersion` changes as in Azure.
 */
export function keyVaultBehaviours(): ResourceBehaviour[] {
  return [
    {
      type: 'Microsoft.KeyVault/vaults',
      afterWrite: (vault) => {
        vault.properties.vaultUri = `https://${vault.name}.vault.azure.net/`;
      },
    },
    {
      type: 'Microsoft.KeyVault/vaults/secrets',
      afterWrite: (secret) => {
        if (typeof secret.properties.value === 'string') secret.secrets.value = secret.properties.value;
        delete secret.properties.value;
        const vaultName = secret.id.split('/').at(-3);
        const secretUri = `https://${vaultName}.vault.azure.net/secrets/${secret.name}`;
        secret.properties.secretUri = secretUri;
        secret.properties.secretUriWithVersion = `${secretUri}/${randomBytes(16).toString('hex')}`;
      },
    },
  ];
}

/** The current value of a Key Vault secret resource, for tests that must check what was stored. */
export function secretValue(state: ArmState, id: string): string | undefined {
  return state.resource(id)?.secrets.value;
}
