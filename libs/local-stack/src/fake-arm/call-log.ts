/** One ARM request the fake answered, in arrival order. */
export interface CallRecord {
  /** 1, 2, 3... in the order requests arrived, so tests can prove call order. */
  readonly seq: number;
  readonly method: string;
  /** The path as sent, without the query. */
  readonly path: string;
  /** The route template (or resource-type label) the request matched; `(unmatched)` otherwise. */
  readonly route: string;
  readonly status: number;
  /** The latency fault applied before answering, in ms. */
  readonly latencyMs: number;
  readonly fault?: 'throttled' | 'failed';
}

/** Counts per `METHOD route` and the call log. */
export interface CallsView {
  readonly total: number;
  readonly counts: Record<string, number>;
  readonly log: readonly CallRecord[];
  /** Oldest entries dropped from the log once it holds {@link MAX_LOGGED_CALLS}. */
  readonly dropped: number;
}

/** The log keeps the latest calls only, so a long benchmark run cannot exhaust memory. */
export const MAX_LOGGED_CALLS = 10_000;

/** Counts calls and keeps the latest ones in order. */
export class CallLog {
  private readonly counts = new Map<string, number>();
  private log: CallRecord[] = [];
  private seq = 0;
  private dropped = 0;

  record(call: Omit<CallRecord, 'seq'>): void {
    this.seq += 1;
    const key = `${call.method} ${call.route}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.log.push({ seq: this.seq, ...call });
    if (this.log.length > MAX_LOGGED_CALLS) {
      this.log = this.log.slice(-MAX_LOGGED_CALLS);
      this.dropped += 1;
    }
  }

  view(): CallsView {
    return { total: this.seq, counts: Object.fromEntries(this.counts), log: [...this.log], dropped: this.dropped };
  }

  clear(): void {
    this.counts.clear();
    this.log = [];
    this.seq = 0;
    this.dropped = 0;
  }
}
