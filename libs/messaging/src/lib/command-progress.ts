/**
 * The progress reports of one command, thinned out: a report goes out only once the command has
 * been running `minIntervalMs`, and then at most one per `minIntervalMs`. A report that comes
 * sooner is held, replaced by any later one (the latest percent wins), and sent when its time
 * comes, unless the command ends first: a command that finishes within `minIntervalMs` sends no
 * progress at all, and the requester (the router) writes none. With `minIntervalMs` 0 every
 * report is sent at once, in order.
 */
export class CommandProgress {
  private readonly startedAt = Date.now();
  private lastSentAt: number | undefined;
  private held: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();
  private ended = false;

  /**
   * @param send sends one report (best effort: it must not throw).
   * @throws RangeError when `minIntervalMs` is not a whole number >= 0.
   */
  constructor(
    private readonly send: (percentComplete: number) => Promise<void>,
    private readonly minIntervalMs: number,
  ) {
    if (!Number.isInteger(minIntervalMs) || minIntervalMs < 0) {
      throw new RangeError(`The minimum progress interval must be a whole number of milliseconds >= 0, got ${minIntervalMs}`);
    }
  }

  /** Sends `percentComplete` now (resolving once sent) or holds it for later (resolving at once). */
  report(percentComplete: number): Promise<void> {
    if (this.ended) return Promise.resolve();
    const wait = this.nextAllowedAt() - Date.now();
    if (wait <= 0 && this.timer === undefined) return this.sendNow(percentComplete);
    this.held = percentComplete;
    this.timer ??= setTimeout(() => this.sendHeld(), wait).unref();
    return Promise.resolve();
  }

  /**
   * The command ended: a held report is dropped and nothing more is sent. Resolves once a report
   * already on its way is sent, so that no progress follows the reply.
   */
  async end(): Promise<void> {
    this.ended = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held = undefined;
    await this.sending;
  }

  private sendHeld(): void {
    const percent = this.held;
    this.timer = undefined;
    this.held = undefined;
    if (percent !== undefined && !this.ended) void this.sendNow(percent);
  }

  // Chained, so reports reach the requester in the order they were made.
  private sendNow(percentComplete: number): Promise<void> {
    this.lastSentAt = Date.now();
    this.sending = this.sending.then(() => this.send(percentComplete)).catch(() => undefined);
    return this.sending;
  }

  private nextAllowedAt(): number {
    return (this.lastSentAt ?? this.startedAt) + this.minIntervalMs;
  }
}
