import { RemoteOperationError } from '@iomt/contracts';
import { ConcurrencyConflictError, OperationNotFoundError, ResourceNotFoundError, ThrottledError, TransientError, ValidationError } from '@iomt/domain';
import { ReplyTimeoutError } from '@iomt/messaging';
import { backoffDelayMs, delay, isRetryable } from './retry-policy';

describe('isRetryable', () => {
  it.each<[string, unknown, boolean]>([
    ['a worker reply marked retryable', new RemoteOperationError({ code: 'DeploymentFailed', message: 'x', retryable: true }), true],
    ['a worker reply marked permanent', new RemoteOperationError({ code: 'InvalidTemplate', message: 'x', retryable: false }), false],
    ['no reply in time', new ReplyTimeoutError('late'), true],
    ['a throttled dependency', new ThrottledError('slow down'), true],
    ['a transient failure', new TransientError('blip'), true],
    ['a lost ETag race', new ConcurrencyConflictError('changed'), true],
    ['no handler for the operation', new OperationNotFoundError('none'), false],
    ['a missing resource', new ResourceNotFoundError('gone'), false],
    ['an invalid command', new ValidationError('bad id'), false],
    ['an unclassified error (bounded by the attempt limit)', new Error('socket hang up'), true],
  ])('%s → %s', (_label, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [2, 100],
    [3, 200],
    [4, 400],
    [5, 800],
    [6, 1_000],
    [20, 1_000],
  ])('before attempt %i waits %i ms (base 100, max 1000)', (attempt, expected) => {
    expect(backoffDelayMs(attempt, 100, 1_000)).toBe(expected);
  });
});

describe('delay', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = delay(60_000, controller.signal);
    const reason = new Error('stopping');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it('rejects at once when already aborted', async () => {
    await expect(delay(60_000, AbortSignal.abort('gone'))).rejects.toBe('gone');
  });
});
