import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined, for at most
 * `timeoutMs`; the error names `what` so a failed wait says which condition was not reached.
 */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(intervalMs);
  }
}
