import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Cron } from 'croner';
import { RotationSweep } from './rotation-sweep';

/** When the schedule ticks. */
export interface RotationScheduleSettings {
  readonly enabled: boolean;
  /** A croner pattern, evaluated in UTC. */
  readonly pattern: string;
}

/** DI token of the {@link RotationScheduleSettings}. */
export const ROTATION_SCHEDULE_SETTINGS = Symbol('ROTATION_SCHEDULE_SETTINGS');

/**
 * Runs the {@link RotationSweep} on its cron pattern from application bootstrap until shutdown,
 * one sweep at a time (croner's `protect` skips a tick while the previous sweep still runs).
 * Every replica may tick: the sweep's ETag-guarded write makes a duplicate operation impossible.
 */
@Injectable()
export class RotationScheduleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RotationScheduleService.name);
  private job: Cron | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly sweep: RotationSweep,
    @Inject(ROTATION_SCHEDULE_SETTINGS) private readonly settings: RotationScheduleSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) return;
    this.job = new Cron(this.settings.pattern, { timezone: 'UTC', protect: true }, () => this.tick());
    this.logger.log(`Key rotation schedule '${this.settings.pattern}' (UTC); next run ${this.nextRun()?.toISOString() ?? 'never'}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.job?.stop();
    await this.running;
  }

  /** When the next sweep starts, or undefined when the schedule is off. */
  nextRun(): Date | undefined {
    return this.job?.nextRun() ?? undefined;
  }

  /** Runs one sweep now (what each tick does); failures are logged, never thrown. */
  tick(): Promise<void> {
    this.running = this.sweep.run().then(
      () => undefined,
      (error: unknown) => this.logger.error(`Key rotation sweep failed: ${(error as Error).message}`),
    );
    return this.running;
  }
}
