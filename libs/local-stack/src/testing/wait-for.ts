/**
 * Polls `probe` (e.g. a Cosmos read, a queue count) until it returns a value `accept` takes, at
 * most `timeoutMs`, and resolves with that value; a bounded poll of a condition, never a sleep
 * standing in for one. The timeout error names `what` and the value last seen.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await probe();
  }
  return last;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A live client or other cyclic object: its type is still a clue.
    return Object.prototype.toString.call(value);
  }
}
