import { InvalidStatusTransitionError, TransientError, ValidationError } from '../../errors';
import { thrown } from '../test-support/thrown';
import { OperationStatus as S } from './operation-enums';
import {
  assertTransition,
  canTransition,
  cancelOperation,
  failOperation,
  OperationProgress,
  recordAttemptFailure,
  reportOperationProgress,
  startOperationAttempt,
  succeedOperation,
} from './operation-state-machine';

const T0 = new Date('2020-02-18T10:00:00.000Z');
const T1 = new Date('2020-02-18T10:01:00.000Z');

function operation(status: S, changes: Partial<OperationProgress> = {}): OperationProgress {
  return {
    id: 'op-1',
    provisioningStatus: status,
    attemptCount: status === S.Requested ? 0 : 1,
    timeLastUpdated: T0.toISOString(),
    percentComplete: 0,
    ...changes,
  };
}

const ALL = [S.Requested, S.Running, S.Failed, S.Completed, S.Canceled];
const ALLOWED = new Set([
  `${S.Requested}>${S.Running}`,
  `${S.Requested}>${S.Canceled}`,
  `${S.Requested}>${S.Failed}`,
  `${S.Running}>${S.Running}`,
  `${S.Running}>${S.Completed}`,
  `${S.Running}>${S.Failed}`,
  `${S.Running}>${S.Canceled}`,
]);

describe('operation status transitions', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to, ALLOWED.has(`${from}>${to}`)] as const));

  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    const attempt = () => assertTransition(operation(from), to);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(InvalidStatusTransitionError);
  });

  it('names the operation and both statuses, and says terminal statuses never change', () => {
    const error = thrown(() => assertTransition(operation(S.Completed, { timeEnded: T0.toISOString() }), S.Running));
    expect(error).toBeInstanceOf(InvalidStatusTransitionError);
    expect((error as Error).message).toBe(
      'Operation op-1 cannot go from Completed to Running (a terminal status never changes).',
    );
    expect((error as InvalidStatusTransitionError).code).toBe('InvalidStatusTransition');
  });

  it('does not allow Running → Requested (a retry stays Running)', () => {
    expect(() => assertTransition(operation(S.Running), S.Requested)).toThrow(
      'Operation op-1 cannot go from Running to Requested.',
    );
  });
});

describe('applying transitions', () => {
  it('starts the first attempt: Requested → Running, attempt 1', () => {
    const started = startOperationAttempt(operation(S.Requested), T1);
    expect(started).toEqual({
      id: 'op-1',
      provisioningStatus: S.Running,
      attemptCount: 1,
      timeLastUpdated: T1.toISOString(),
      percentComplete: 0,
    });
  });

  it('counts a retry: Running → Running, attempt n + 1, and keeps progress', () => {
    const retried = startOperationAttempt(operation(S.Running, { attemptCount: 2, percentComplete: 40 }), T1);
    expect(retried).toMatchObject({ provisioningStatus: S.Running, attemptCount: 3, percentComplete: 40 });
  });

  it('completes: 100 %, timeEnded = timeLastUpdated = now', () => {
    const done = succeedOperation(operation(S.Running, { percentComplete: 70 }), T1);
    expect(done).toMatchObject({
      provisioningStatus: S.Completed,
      percentComplete: 100,
      timeEnded: T1.toISOString(),
      timeLastUpdated: T1.toISOString(),
    });
  });

  it('fails with the error code and message as exceptionDetails', () => {
    const failed = failOperation(operation(S.Running), new TransientError('Cosmos DB is unavailable'), T1);
    expect(failed).toMatchObject({
      provisioningStatus: S.Failed,
      exceptionDetails: 'ServiceUnavailable: Cosmos DB is unavailable',
      timeEnded: T1.toISOString(),
    });
  });

  it('fails an operation that never started (Requested → Failed)', () => {
    expect(failOperation(operation(S.Requested), 'No handler', T1)).toMatchObject({
      provisioningStatus: S.Failed,
      attemptCount: 0,
      exceptionDetails: 'No handler',
    });
  });

  it('cancels with or without a reason', () => {
    expect(cancelOperation(operation(S.Requested), T1, 'Subscription deleted')).toMatchObject({
      provisioningStatus: S.Canceled,
      exceptionDetails: 'Subscription deleted',
      timeEnded: T1.toISOString(),
    });
    expect(cancelOperation(operation(S.Running), T1)).not.toHaveProperty('exceptionDetails');
  });

  it('records a failed attempt without leaving Running', () => {
    const noted = recordAttemptFailure(operation(S.Running), new Error('socket hang up'), T1);
    expect(noted).toMatchObject({ provisioningStatus: S.Running, attemptCount: 1, exceptionDetails: 'Error: socket hang up' });
    expect(noted).not.toHaveProperty('timeEnded');
  });

  it('reports progress of a Running operation', () => {
    expect(reportOperationProgress(operation(S.Running, { percentComplete: 10 }), 55.5, T1)).toMatchObject({
      percentComplete: 55.5,
      timeLastUpdated: T1.toISOString(),
    });
  });

  it.each([-1, 101, Number.NaN, 5])('rejects progress %s (from 10 %%)', (percent) => {
    const error = thrown(() => reportOperationProgress(operation(S.Running, { percentComplete: 10 }), percent, T1));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).target).toBe('percentComplete');
  });

  it.each([S.Requested, S.Completed, S.Failed, S.Canceled])('refuses progress and attempt failures while %s', (status) => {
    expect(() => reportOperationProgress(operation(status), 50, T1)).toThrow(InvalidStatusTransitionError);
    expect(() => recordAttemptFailure(operation(status), 'x', T1)).toThrow(InvalidStatusTransitionError);
  });

  it.each([
    ['start', (op: OperationProgress) => startOperationAttempt(op, T1)],
    ['succeed', (op: OperationProgress) => succeedOperation(op, T1)],
    ['fail', (op: OperationProgress) => failOperation(op, 'x', T1)],
    ['cancel', (op: OperationProgress) => cancelOperation(op, T1)],
  ])('refuses to %s a terminal operation', (_action, apply) => {
    for (const status of [S.Completed, S.Failed, S.Canceled]) {
      expect(() => apply(operation(status, { timeEnded: T0.toISOString() }))).toThrow(InvalidStatusTransitionError);
    }
  });

  it('refuses to complete an operation that never ran (Requested → Completed)', () => {
    expect(() => succeedOperation(operation(S.Requested), T1)).toThrow(InvalidStatusTransitionError);
  });

  it('leaves the given operation untouched', () => {
    const original = operation(S.Running);
    const copy = { ...original };
    succeedOperation(original, T1);
    expect(original).toEqual(copy);
  });
});
