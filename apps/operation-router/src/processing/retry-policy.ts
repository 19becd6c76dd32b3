import { describeFailure } from '@iomt/messaging';

/**
 * True when another attempt may succeed: errors that classify themselves (domain errors, a
 * worker's reply error, Service Bus errors) say so; anything else (a bug, a socket reset) is
 * retried, because the attempt limit bounds it anyway.
 */
export function isRetryable(error: unknown): boolean {
  return describeFailure(error)?.retryable ?? true;
}

/** Backoff before attempt `nextAttempt` (2, 3, …): base · 2^(nextAttempt − 2), capped at `maxMs`. */
export function backoffDelayMs(nextAttempt: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, nextAttempt - 2);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts (shutdown). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
