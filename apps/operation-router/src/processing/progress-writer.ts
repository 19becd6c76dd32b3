import { Logger } from '@nestjs/common';
import { OperationStatus, reportOperationProgress, type OperationDocument } from '@iomt/domain';
import type { OperationStore } from './operation-store';

/** The highest progress a worker can report: 100 % belongs to Completed, which only the router writes. */
export const MAX_WORKER_PERCENT = 99;

/**
 * Writes a running operation's `percentComplete` as its worker reports it (seed 004): one write
 * at a time, in arrival order, each under the ETag of the version it read (a lost race reloads);
 * never backwards, never past 99, never on an operation no longer Running. Progress is advisory:
 * a failed write is logged and the work goes on. At most one write per `minIntervalMs`, counted
 * from the attempt's start: a report arriving sooner is held (the latest wins) and written when the
 * interval has passed, so a command that ends within it costs no progress write at all (ARM polls
 * every few seconds; sub-second progress is never seen). {@link settled} drops what is held, waits
 * for the writes in flight and gives the latest version, so the router finishes on top of it.
 */
export class ProgressWriter {
  private readonly logger = new Logger(ProgressWriter.name);
  private latest: OperationDocument;
  private writes: Promise<void> = Promise.resolve();
  private lastWriteAt: number;
  private held: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: OperationStore,
    operation: OperationDocument,
    private readonly minIntervalMs = 0,
    private readonly now: () => number = Date.now,
  ) {
    this.latest = operation;
    this.lastWriteAt = now();
  }

  /** Queues (or holds, see the class) a write of `percentComplete` (0-100, from the worker). */
  report(percentComplete: number): void {
    if (this.closed) return;
    this.held = percentComplete;
    if (this.timer !== undefined) return;
    const wait = this.lastWriteAt + this.minIntervalMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  /** Resolves once the queued writes are done, with the latest stored version of the operation. */
  async settled(): Promise<OperationDocument> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.writes;
    return this.latest;
  }

  private flush(): void {
    this.timer = undefined;
    const percent = this.held;
    this.held = undefined;
    if (percent === undefined || this.closed) return;
    this.lastWriteAt = this.now();
    this.writes = this.writes.then(() => this.write(percent));
  }

  private async write(reported: number): Promise<void> {
    if (!Number.isFinite(reported)) return;
    const percent = Math.min(Math.max(reported, 0), MAX_WORKER_PERCENT);
    try {
      const written = await this.store.update(this.latest, (current, now) => {
        if (current.provisioningStatus !== OperationStatus.Running) return undefined;
        if (percent <= (current.percentComplete ?? 0)) return undefined;
        return reportOperationProgress(current, percent, now);
      });
      if (written !== undefined) this.latest = written;
    } catch (error) {
      this.logger.warn(`Operation ${this.latest.id}: could not write ${percent}% progress: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
