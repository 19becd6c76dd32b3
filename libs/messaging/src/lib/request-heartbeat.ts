/**
 * Heartbeats of one request while its handler runs: `send` every `intervalMs` (none with 0), one
 * at a time, best effort (a failed heartbeat is the requester's loss of patience at worst, never
 * the work's failure). {@link stop} ends them and waits for one on its way, so that no heartbeat
 * follows the reply.
 */
export class RequestHeartbeat {
  private readonly timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();
  private stopped = false;

  /** @param send sends one heartbeat; its failure is passed to `onError`. */
  constructor(
    private readonly send: () => Promise<void>,
    intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    if (intervalMs > 0) this.timer = setInterval(() => this.beat(), intervalMs).unref();
  }

  /** No more heartbeats; resolves once one already on its way is sent. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sending;
  }

  private beat(): void {
    this.sending = this.sending.then(() => (this.stopped ? undefined : this.send())).catch(this.onError);
  }
}
