import { isServiceBusError } from '@azure/service-bus';

/**
 * True when `acceptNextSession` found no session to lock before its timeout, the expected idle
 * outcome (classified by code, as the SDK `sessionRoundRobin` sample does, never by message text).
 */
export function isNoSessionAvailable(error: unknown): boolean {
  return isServiceBusError(error) && (error.code === 'SessionCannotBeLocked' || error.code === 'ServiceTimeout');
}

/** True when the session lock was lost (expired, or the session was taken away). */
export function isSessionLockLost(error: unknown): boolean {
  return isServiceBusError(error) && error.code === 'SessionLockLost';
}

/** True when the broker refused to lock a session (it is held elsewhere, or none is free). */
export function isSessionCannotBeLocked(error: unknown): boolean {
  return isServiceBusError(error) && error.code === 'SessionCannotBeLocked';
}
