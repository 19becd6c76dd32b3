import { describeFault, type ScheduledFault } from '../cli/fault-spec';
import type { AppliedFault } from '../report/load-report';
import type { LoadTarget } from './load-target';

/**
 * Fires the scheduled faults during a run: each when its time has come or when the share of
 * accepted operations it waits for was reached, in schedule order per replica (a restart never
 * overtakes the kill before it).
 */
export class FaultScheduler {
  readonly applied: AppliedFault[] = [];
  private readonly pending: ScheduledFault[];
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    schedule: readonly ScheduledFault[],
    private readonly target: LoadTarget,
    private readonly startedAt: number,
    private readonly acceptedFraction: () => number,
    private readonly log: (line: string) => void,
  ) {
    this.pending = [...schedule];
  }

  /** Checks the schedule every 100 ms until {@link stop}. */
  start(): void {
    this.timer = setInterval(() => this.tick(), 100);
  }

  /** Stops checking and waits for a fault being applied; faults not yet due are dropped. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    const elapsed = Date.now() - this.startedAt;
    const due = this.pending.filter((f) => ('afterMs' in f.at ? elapsed >= f.at.afterMs : this.acceptedFraction() >= f.at.afterAcceptedFraction));
    for (const fault of due) {
      this.pending.splice(this.pending.indexOf(fault), 1);
      this.running = this.running.then(() => this.apply(fault));
    }
  }

  private async apply(fault: ScheduledFault): Promise<void> {
    const atMs = Date.now() - this.startedAt;
    const description = describeFault(fault);
    let outcome = 'done';
    try {
      await this.perform(fault);
    } catch (error) {
      outcome = `failed: ${(error as Error).message}`;
    }
    outcome = `${outcome} after ${Date.now() - this.startedAt - atMs}ms`;
    this.applied.push({ description, atMs, outcome });
    this.log(`[load] fault ${description}: ${outcome}`);
  }

  private async perform({ action }: ScheduledFault): Promise<void> {
    if (action.type === 'arm') {
      if (this.target.setArmFaults === undefined) throw new Error('no fake ARM to reach');
      return this.target.setArmFaults(action.faults);
    }
    if (this.target.services === undefined) throw new Error('the run did not start the services');
    return action.type === 'kill' ? this.target.services.kill(action.service, action.replica) : this.target.services.restart(action.service, action.replica);
  }
}
