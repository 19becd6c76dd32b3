import { InvalidStatusTransitionError, ValidationError } from '../../errors';
import { describeError } from './exception-details';
import { isTerminalStatus, OperationStatus } from './operation-enums';

/** The operation fields the state machine reads and writes. */
export interface OperationProgress {
  readonly id: string;
  readonly provisioningStatus: OperationStatus;
  readonly attemptCount: number;
  readonly timeLastUpdated: string;
  readonly timeEnded?: string;
  readonly percentComplete?: number;
  readonly exceptionDetails?: string;
}

/**
 * Allowed status changes. Running → Running is a new attempt (a retry after a redelivery or a
 * transient failure). Requested → Failed is an operation that cannot even start (no handler in
 * the chain, or its message dead-lettered). Running → Requested is not allowed: a retry stays
 * Running, and going back would let the sweeper re-publish an operation a worker may still hold.
 * Terminal statuses never change.
 */
export const OPERATION_STATUS_TRANSITIONS: Readonly<Record<OperationStatus, readonly OperationStatus[]>> = {
  [OperationStatus.Requested]: [OperationStatus.Running, OperationStatus.Canceled, OperationStatus.Failed],
  [OperationStatus.Running]: [
    OperationStatus.Running,
    OperationStatus.Completed,
    OperationStatus.Failed,
    OperationStatus.Canceled,
  ],
  [OperationStatus.Failed]: [],
  [OperationStatus.Completed]: [],
  [OperationStatus.Canceled]: [],
};

/** True when the state machine allows `from` → `to`. */
export function canTransition(from: OperationStatus, to: OperationStatus): boolean {
  return OPERATION_STATUS_TRANSITIONS[from].includes(to);
}

/** @throws InvalidStatusTransitionError naming the operation and both statuses. */
export function assertTransition(operation: OperationProgress, to: OperationStatus): void {
  const from = operation.provisioningStatus;
  if (canTransition(from, to)) return;
  const why = isTerminalStatus(from) ? ' (a terminal status never changes)' : '';
  throw new InvalidStatusTransitionError(
    `Operation ${operation.id} cannot go from ${OperationStatus[from]} to ${OperationStatus[to]}${why}.`,
    { target: 'provisioningStatus' },
  );
}

function assertRunning(operation: OperationProgress, action: string): void {
  if (operation.provisioningStatus === OperationStatus.Running) return;
  throw new InvalidStatusTransitionError(
    `Operation ${operation.id} is ${OperationStatus[operation.provisioningStatus]}; only a Running operation ${action}.`,
    { target: 'provisioningStatus' },
  );
}

function moveTo<T extends OperationProgress>(operation: T, to: OperationStatus, now: Date, changes: Partial<T>): T {
  assertTransition(operation, to);
  const stamp = now.toISOString();
  return {
    ...operation,
    ...changes,
    provisioningStatus: to,
    timeLastUpdated: stamp,
    ...(isTerminalStatus(to) ? { timeEnded: stamp } : {}),
  };
}

/** Starts an attempt: Requested → Running (attempt 1) or Running → Running (attempt n + 1). */
export function startOperationAttempt<T extends OperationProgress>(operation: T, now: Date): T {
  return moveTo(operation, OperationStatus.Running, now, {
    attemptCount: operation.attemptCount + 1,
  } as Partial<T>);
}

/**
 * Records progress of a Running operation; `percentComplete` is 0-100 and never goes back.
 * @throws InvalidStatusTransitionError unless Running; ValidationError for a bad percentage.
 */
export function reportOperationProgress<T extends OperationProgress>(operation: T, percentComplete: number, now: Date): T {
  assertRunning(operation, 'reports progress');
  const previous = operation.percentComplete ?? 0;
  if (!Number.isFinite(percentComplete) || percentComplete < previous || percentComplete > 100) {
    throw new ValidationError(`percentComplete must be a number from ${previous} to 100, got ${percentComplete}.`, {
      target: 'percentComplete',
    });
  }
  return { ...operation, percentComplete, timeLastUpdated: now.toISOString() };
}

/**
 * Notes a failed attempt that will be retried: stays Running, keeps the error in `exceptionDetails`.
 * @throws InvalidStatusTransitionError unless Running.
 */
export function recordAttemptFailure<T extends OperationProgress>(operation: T, error: unknown, now: Date): T {
  assertRunning(operation, 'records a failed attempt');
  return moveTo(operation, OperationStatus.Running, now, { exceptionDetails: describeError(error) } as Partial<T>);
}

/** Running → Completed, 100 %, `timeEnded` set. */
export function succeedOperation<T extends OperationProgress>(operation: T, now: Date): T {
  return moveTo(operation, OperationStatus.Completed, now, { percentComplete: 100 } as Partial<T>);
}

/** Requested | Running → Failed with `exceptionDetails` (secrets redacted), `timeEnded` set. */
export function failOperation<T extends OperationProgress>(operation: T, error: unknown, now: Date): T {
  return moveTo(operation, OperationStatus.Failed, now, { exceptionDetails: describeError(error) } as Partial<T>);
}

/** Requested | Running → Canceled, with the reason in `exceptionDetails` when given, `timeEnded` set. */
export function cancelOperation<T extends OperationProgress>(operation: T, now: Date, reason?: string): T {
  const changes = reason === undefined ? {} : { exceptionDetails: describeError(reason) };
  return moveTo(operation, OperationStatus.Canceled, now, changes as Partial<T>);
}
