import { randomBytes } from 'node:crypto';
import type { ArmResourceRecord } from './arm-state';

/** Event Hubs SAS keys are 256-bit, base64 (44 characters). */
export const EVENT_HUBS_KEY_BYTES = 32;
/** Storage account keys are 512-bit, base64 (88 characters). */
export const STORAGE_KEY_BYTES = 64;

/** A fresh random key, base64. */
export function newAccessKey(bytes: number): string {
  return randomBytes(bytes).toString('base64');
}

/** Gives a resource the named keys it lacks; keys are made on first use and kept until regenerated. */
export function ensureKeys(record: ArmResourceRecord, names: readonly string[], bytes: number): Record<string, string> {
  for (const name of names) record.secrets[name] ??= newAccessKey(bytes);
  return record.secrets;
}
