import type { AccessKeys, KeySlot } from '@iomt/domain';
import { RegeneratedKeyMissingError } from './key-rotation.errors';

/** The key of `slot`. A secret: pass it straight to the consumer, never log or keep it. */
export function keyOfSlot(keys: AccessKeys, slot: KeySlot, owner: string): string {
  const key = slot === 'primary' ? keys.primaryKey : keys.secondaryKey;
  if (!key) throw new RegeneratedKeyMissingError(`No ${slot} key was returned for ${owner}`, { target: slot });
  return key;
}

/** The connection string of `slot` (storage accounts). A secret, like the key it contains. */
export function connectionStringOfSlot(keys: AccessKeys, slot: KeySlot, owner: string): string {
  const value = slot === 'primary' ? keys.primaryConnectionString : keys.secondaryConnectionString;
  if (!value) throw new RegeneratedKeyMissingError(`No ${slot} connection string was returned for ${owner}`, { target: slot });
  return value;
}
