/**
 * Where the router's time on one delivery of an operation went: the whole handling (from the
 * message's arrival in the handler to its settlement) and the part spent waiting for workers
 * (send the command, the worker's work, the reply). The rest is the router's own work: loading
 * and writing the documents, the handler chain, settling. Logged when the delivery ends.
 */
export class OperationTiming {
  private readonly startedAt = performance.now();
  private workerWaitMs = 0;

  /** Runs a request to a worker and counts its duration as waiting for the worker. */
  async waitForWorker<T>(request: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await request();
    } finally {
      this.workerWaitMs += performance.now() - started;
    }
  }

  /** `in <total> ms (worker round trip <w> ms, router <total - w> ms)`, for the delivery's last log line. */
  describe(): string {
    const totalMs = performance.now() - this.startedAt;
    const own = totalMs - this.workerWaitMs;
    return `in ${totalMs.toFixed(1)} ms (worker round trip ${this.workerWaitMs.toFixed(1)} ms, router ${own.toFixed(1)} ms)`;
  }
}
