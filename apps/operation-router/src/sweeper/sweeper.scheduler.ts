import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { failureMessage } from '@iomt/messaging';
import { OutboxSweeper, SWEEPER_SETTINGS, type SweeperSettings } from './outbox-sweeper';

/**
 * Runs the {@link OutboxSweeper} every `intervalMs`, one sweep at a time, from application
 * bootstrap until shutdown (which aborts a sweep in flight). Every replica sweeps: a duplicate
 * publication is harmless (see `OutboxSweeper`).
 */
@Injectable()
export class SweeperScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SweeperScheduler.name);
  private readonly stop = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sweeper: OutboxSweeper,
    @Inject(SWEEPER_SETTINGS) private readonly settings: SweeperSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stop.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.running = this.sweeper
        .sweep(this.stop.signal)
        .catch((error: unknown) => {
          if (!this.stop.signal.aborted) this.logger.warn(`Sweep failed: ${failureMessage(error)}`);
        })
        .finally(() => this.schedule());
    }, this.settings.intervalMs);
    this.timer.unref();
  }
}
