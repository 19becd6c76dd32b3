/** The two keys of a shared access policy or storage account. */
export type KeySlot = 'primary' | 'secondary';

/** The part of secret metadata rotation reads and writes. */
export interface RotatableSecret {
  readonly isUsingPrimaryKey: boolean;
  readonly secretLastRotated: string;
  readonly secretRotationCount: number;
  readonly forceRotation: boolean;
}

/** The slot consumers use now. */
export function activeKeySlot(secret: Pick<RotatableSecret, 'isUsingPrimaryKey'>): KeySlot {
  return secret.isUsingPrimaryKey ? 'primary' : 'secondary';
}

/** The slot rotation regenerates: never the one in use (iomt.md §3, dual-key rotation). */
export function standbyKeySlot(secret: Pick<RotatableSecret, 'isUsingPrimaryKey'>): KeySlot {
  return secret.isUsingPrimaryKey ? 'secondary' : 'primary';
}

/** Rotated secrets older than this are due again. */
export const DEFAULT_ROTATION_INTERVAL_MS = 30 * 24 * 60 * 60 * 1000;

/** The `secretLastRotated` cutoff: secrets rotated before it are due. */
export function rotationCutoff(now: Date, intervalMs: number = DEFAULT_ROTATION_INTERVAL_MS): Date {
  return new Date(now.getTime() - intervalMs);
}

/** True when the secret was forced or was last rotated at or before the cutoff. */
export function isRotationDue(
  secret: Pick<RotatableSecret, 'forceRotation' | 'secretLastRotated'>,
  now: Date,
  intervalMs: number = DEFAULT_ROTATION_INTERVAL_MS,
): boolean {
  if (secret.forceRotation) return true;
  return Date.parse(secret.secretLastRotated) <= rotationCutoff(now, intervalMs).getTime();
}

/**
 * The metadata after a completed rotation: consumers moved to the standby slot, so it becomes
 * the active one; the count grows, the age resets and a forced rotation is satisfied.
 */
export function recordRotation<T extends RotatableSecret>(secret: T, now: Date): T {
  return {
    ...secret,
    isUsingPrimaryKey: !secret.isUsingPrimaryKey,
    secretLastRotated: now.toISOString(),
    secretRotationCount: secret.secretRotationCount + 1,
    forceRotation: false,
  };
}

/** The metadata with a rotation requested for the next sweep. */
export function requestRotation<T extends RotatableSecret>(secret: T): T {
  return { ...secret, forceRotation: true };
}
