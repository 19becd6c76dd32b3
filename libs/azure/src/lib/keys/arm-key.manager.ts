import type { AccessKeys as EventHubAccessKeys } from '@azure/arm-eventhub';
import type { StorageAccountKey } from '@azure/arm-storage';
import {
  type AccessKeys,
  assertResourceGroupName,
  type CallOptions,
  type EventHubPolicyTarget,
  type KeyManager,
  type KeySlot,
  type KeyTarget,
  type StorageAccountTarget,
} from '@iomt/domain';
import type { ArmClients } from '../client/arm-clients';
import { mapArmError, withArmErrors } from '../errors/arm-error.mapper';
import { ArmRequestError } from '../errors/arm-errors';
import { storageConnectionString } from './storage-connection-string';

const EVENT_HUB_KEY_TYPES: Readonly<Record<KeySlot, 'PrimaryKey' | 'SecondaryKey'>> = {
  primary: 'PrimaryKey',
  secondary: 'SecondaryKey',
};
const STORAGE_KEY_NAMES: Readonly<Record<KeySlot, 'key1' | 'key2'>> = { primary: 'key1', secondary: 'key2' };

/**
 * Reads and regenerates the keys of Event Hubs authorization rules (namespace or hub level) and
 * storage accounts. Keys go back to the caller only: nothing here logs or keeps them, and error
 * messages name the target, never a key.
 */
export class ArmKeyManager implements KeyManager {
  constructor(private readonly clients: ArmClients) {}

  async listKeys(target: KeyTarget, options: CallOptions = {}): Promise<AccessKeys> {
    assertResourceGroupName(target.resourceGroupName);
    return withArmErrors(
      () =>
        target.kind === 'storageAccount'
          ? this.storageKeys(target, options.signal)
          : this.eventHubKeys(target, options.signal),
      (error) => mapArmError(error, `list the keys of ${describe(target)}`),
      options.signal,
    );
  }

  async regenerateKey(target: KeyTarget, slot: KeySlot, options: CallOptions = {}): Promise<AccessKeys> {
    assertResourceGroupName(target.resourceGroupName);
    return withArmErrors(
      () =>
        target.kind === 'storageAccount'
          ? this.regenerateStorageKey(target, slot, options.signal)
          : this.regenerateEventHubKey(target, slot, options.signal),
      (error) => mapArmError(error, `regenerate the ${slot} key of ${describe(target)}`),
      options.signal,
    );
  }

  private async eventHubKeys(target: EventHubPolicyTarget, signal?: AbortSignal): Promise<AccessKeys> {
    const client = this.clients.eventHubs(target.subscriptionId);
    const { resourceGroupName: rg, namespaceName: ns, eventHubName: hub, ruleName: rule } = target;
    const options = { abortSignal: signal };
    const keys =
      hub === undefined
        ? await client.namespaces.listKeys(rg, ns, rule, options)
        : await client.eventHubs.listKeys(rg, ns, hub, rule, options);
    return eventHubAccessKeys(target, keys);
  }

  private async regenerateEventHubKey(
    target: EventHubPolicyTarget,
    slot: KeySlot,
    signal?: AbortSignal,
  ): Promise<AccessKeys> {
    const client = this.clients.eventHubs(target.subscriptionId);
    const { resourceGroupName: rg, namespaceName: ns, eventHubName: hub, ruleName: rule } = target;
    const body = { keyType: EVENT_HUB_KEY_TYPES[slot] };
    const options = { abortSignal: signal };
    const keys =
      hub === undefined
        ? await client.namespaces.regenerateKeys(rg, ns, rule, body, options)
        : await client.eventHubs.regenerateKeys(rg, ns, hub, rule, body, options);
    return eventHubAccessKeys(target, keys);
  }

  private async storageKeys(target: StorageAccountTarget, signal?: AbortSignal): Promise<AccessKeys> {
    const client = this.clients.storage(target.subscriptionId);
    const { keys } = await client.storageAccounts.listKeys(target.resourceGroupName, target.accountName, {
      abortSignal: signal,
    });
    return this.storageAccessKeys(target, keys);
  }

  private async regenerateStorageKey(
    target: StorageAccountTarget,
    slot: KeySlot,
    signal?: AbortSignal,
  ): Promise<AccessKeys> {
    const client = this.clients.storage(target.subscriptionId);
    const { keys } = await client.storageAccounts.regenerateKey(
      target.resourceGroupName,
      target.accountName,
      { keyName: STORAGE_KEY_NAMES[slot] },
      { abortSignal: signal },
    );
    return this.storageAccessKeys(target, keys);
  }

  private storageAccessKeys(target: StorageAccountTarget, keys: StorageAccountKey[] | undefined): AccessKeys {
    const valueOf = (name: string) => keys?.find((k) => k.keyName?.toLowerCase() === name)?.value;
    const primaryKey = valueOf(STORAGE_KEY_NAMES.primary);
    const secondaryKey = valueOf(STORAGE_KEY_NAMES.secondary);
    if (!primaryKey || !secondaryKey) throw incompleteAnswer(target);
    const connectionString = (key: string) =>
      storageConnectionString(target.accountName, key, this.clients.options.storageEndpointSuffix);
    return {
      keyName: target.accountName,
      primaryKey,
      secondaryKey,
      primaryConnectionString: connectionString(primaryKey),
      secondaryConnectionString: connectionString(secondaryKey),
    };
  }
}

function eventHubAccessKeys(target: EventHubPolicyTarget, keys: EventHubAccessKeys): AccessKeys {
  if (!keys.primaryKey || !keys.secondaryKey) throw incompleteAnswer(target);
  return {
    keyName: keys.keyName ?? target.ruleName,
    primaryKey: keys.primaryKey,
    secondaryKey: keys.secondaryKey,
    ...(keys.primaryConnectionString ? { primaryConnectionString: keys.primaryConnectionString } : {}),
    ...(keys.secondaryConnectionString ? { secondaryConnectionString: keys.secondaryConnectionString } : {}),
  };
}

function incompleteAnswer(target: KeyTarget): ArmRequestError {
  return new ArmRequestError(`ARM answered without both keys of ${describe(target)}`, 'IncompleteKeys', undefined);
}

/** Names a key target for messages (no keys, ever). */
function describe(target: KeyTarget): string {
  if (target.kind === 'storageAccount') return `storage account '${target.accountName}'`;
  const scope =
    target.eventHubName === undefined ? target.namespaceName : `${target.namespaceName}/${target.eventHubName}`;
  return `authorization rule '${target.ruleName}' of '${scope}'`;
}
