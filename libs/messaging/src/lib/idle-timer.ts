/**
 * A refreshable timer (the SDK `sessionRoundRobin` sample's `createRefreshableTimer`), with a
 * pause so that a long handler is never mistaken for an idle session.
 */
export class IdleTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
  ) {}

  /** Starts counting again from zero. */
  refresh(): void {
    this.pause();
    this.timer = setTimeout(this.onIdle, this.timeoutMs);
  }

  /** Stops counting until the next {@link refresh}. */
  pause(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
