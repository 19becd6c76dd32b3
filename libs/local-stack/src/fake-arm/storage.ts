import { z } from 'zod';
import { ArmError } from './arm-error';
import type { ArmResourceRecord, ArmState, ResourceBehaviour } from './arm-state';
import { STORAGE_KEY_BYTES, ensureKeys, newAccessKey } from './access-keys';
import { parseBody } from './body-schema';
import type { ArmRequest, ArmRoute } from './router';

const ACCOUNT_TYPE = 'Microsoft.Storage/storageAccounts';
const ACCOUNT =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}';
const KEY_NAMES = ['key1', 'key2'] as const;
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

const regenerateBody = z.object({ keyName: z.enum(KEY_NAMES) });

/** Storage accounts: name rule, endpoints, two keys. */
export function storageBehaviours(): ResourceBehaviour[] {
  return [
    {
      type: ACCOUNT_TYPE,
      beforeWrite: (incoming) => {
        const name = incoming.id.slice(incoming.id.lastIndexOf('/') + 1);
        if (!ACCOUNT_NAME.test(name)) {
          throw new ArmError(
            400,
            'AccountNameInvalid',
            `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
          );
        }
      },
      afterWrite: (record, state) => {
        // Azure gives every account its blob service; templates declare containers under it.
        const blobService = `${record.id}/blobServices/default`;
        if (!state.resource(blobService)) state.write({ id: blobService, properties: {} });
        const endpoint = (service: string) => `https://${record.name}.${service}.core.windows.net/`;
        record.properties.primaryEndpoints = {
          blob: endpoint('blob'),
          queue: endpoint('queue'),
          table: endpoint('table'),
          file: endpoint('file'),
        };
        record.properties.keyCreationTime ??= {};
      },
      listKeys: (record) => storageKeys(record),
    },
  ];
}

/** listKeys and regenerateKey on storage accounts. */
export function storageRoutes(state: ArmState): ArmRoute[] {
  return [
    {
      method: 'POST',
      template: `${ACCOUNT}/listKeys`,
      handle: (r) => ({ status: 200, body: storageKeys(requireAccount(state, r)) }),
    },
    {
      method: 'POST',
      template: `${ACCOUNT}/regenerateKey`,
      handle: (r) => {
        const account = requireAccount(state, r);
        const { keyName } = parseBody(regenerateBody, r.body, 'regenerate key request');
        ensureKeys(account, KEY_NAMES, STORAGE_KEY_BYTES);
        account.secrets[keyName] = newAccessKey(STORAGE_KEY_BYTES);
        creationTimes(account)[keyName] = new Date().toISOString();
        return { status: 200, body: storageKeys(account) };
      },
    },
  ];
}

/** The `StorageAccountListKeysResult` answer. */
export function storageKeys(account: ArmResourceRecord) {
  const secrets = ensureKeys(account, KEY_NAMES, STORAGE_KEY_BYTES);
  const created = creationTimes(account);
  return {
    keys: KEY_NAMES.map((keyName) => {
      created[keyName] ??= new Date().toISOString();
      return { keyName, value: secrets[keyName], permissions: 'FULL', creationTime: created[keyName] };
    }),
  };
}

function creationTimes(account: ArmResourceRecord): Record<string, string> {
  account.properties.keyCreationTime ??= {};
  return account.properties.keyCreationTime as Record<string, string>;
}

function requireAccount(state: ArmState, request: ArmRequest): ArmResourceRecord {
  const id = request.path.replace(/\/(listKeys|regenerateKey)\/*$/i, '');
  const account = state.resource(id);
  if (!account) {
    throw new ArmError(
      404,
      'ResourceNotFound',
      `The Resource '${ACCOUNT_TYPE}/${request.params.accountName}' under resource group '${request.params.resourceGroupName}' was not found.`,
    );
  }
  return account;
}
