import { Logger } from '@nestjs/common';
import { type Clock, rotationCutoff, type SecretMetadataRepository } from '@iomt/domain';
import type { EnqueueOutcome, RotationEnqueuer } from './rotation-enqueuer';

/** Limits of one sweep. */
export interface RotationSweepSettings {
  /** Secrets last rotated longer ago than this are due. */
  readonly rotationPeriodMs: number;
  /** Secrets read per page of the due query. */
  readonly pageSize: number;
  /** Most secrets handled in one sweep; the rest wait for the next tick (bounds the load on ARM and the router). */
  readonly maxPerSweep: number;
}

/** Counts of one sweep, by outcome. */
export type RotationSweepSummary = Record<EnqueueOutcome | 'failed', number>;

/**
 * One tick of the rotation schedule: reads the secret metadata that is due (older than the
 * period, or flagged `forceRotation`), oldest first, and enqueues a rotation for each. A failure
 * on one secret is logged and counted; the others still go.
 */
export class RotationSweep {
  private readonly logger = new Logger(RotationSweep.name);

  constructor(
    private readonly secrets: SecretMetadataRepository,
    private readonly enqueuer: RotationEnqueuer,
    private readonly clock: Clock,
    private readonly settings: RotationSweepSettings,
  ) {}

  async run(): Promise<RotationSweepSummary> {
    const summary: RotationSweepSummary = { enqueued: 0, pending: 0, skipped: 0, failed: 0 };
    const cutoff = rotationCutoff(this.clock.now(), this.settings.rotationPeriodMs);
    let seen = 0;
    let continuationToken: string | undefined;
    do {
      const pageSize = Math.min(this.settings.pageSize, this.settings.maxPerSweep - seen);
      const page = await this.secrets.listDueForRotation(cutoff, { pageSize, continuationToken });
      for (const secret of page.items.slice(0, pageSize)) {
        summary[await this.enqueueOne(secret)] += 1;
        seen += 1;
      }
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined && seen < this.settings.maxPerSweep);
    this.logger.log(`Key rotation sweep: ${summary.enqueued} enqueued, ${summary.pending} already pending, ${summary.skipped} skipped, ${summary.failed} failed`);
    return summary;
  }

  private async enqueueOne(secret: Parameters<RotationEnqueuer['enqueue']>[0]): Promise<EnqueueOutcome | 'failed'> {
    try {
      return await this.enqueuer.enqueue(secret);
    } catch (error) {
      this.logger.error(`Could not enqueue the rotation of ${secret.id}: ${(error as Error).message}`);
      return 'failed';
    }
  }
}
