import type { KeySlot } from '../model';
import type { CallOptions } from './call-options';

/** A shared access policy of an Event Hubs namespace, or of one hub when `eventHubName` is set. */
export interface EventHubPolicyTarget {
  readonly kind: 'eventHubAuthorizationRule';
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly namespaceName: string;
  readonly eventHubName?: string;
  readonly ruleName: string;
}

/** The access keys of a storage account (`key1` = primary, `key2` = secondary). */
export interface StorageAccountTarget {
  readonly kind: 'storageAccount';
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly accountName: string;
}

/** Something with a primary and a secondary key. */
export type KeyTarget = EventHubPolicyTarget | StorageAccountTarget;

/**
 * The two keys of a target. Secrets: hold them only as long as needed, never store or log them
 * (ARCHITECTURE.md invariant 5).
 */
export interface AccessKeys {
  readonly keyName: string;
  readonly primaryKey: string;
  readonly secondaryKey: string;
  readonly primaryConnectionString?: string;
  readonly secondaryConnectionString?: string;
}

/** Reads and regenerates keys of Event Hubs policies and storage accounts, on demand. */
export interface KeyManager {
  /** @throws ResourceNotFoundError when the target does not exist. */
  listKeys(target: KeyTarget, options?: CallOptions): Promise<AccessKeys>;

  /** Regenerates one slot's key (rotation regenerates the standby slot only) and returns both keys. */
  regenerateKey(target: KeyTarget, slot: KeySlot, options?: CallOptions): Promise<AccessKeys>;
}

/** DI token of {@link KeyManager}. */
export const KEY_MANAGER = Symbol.for('@iomt/domain:KeyManager');
