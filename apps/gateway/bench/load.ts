import { performance } from 'node:perf_hooks';

/** Latency and throughput of one load run. */
export interface LoadFigures {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly perSecond: number;
  /** CPU time of this process per request (servers, gateway and clients all run here). */
  readonly cpuMsPerRequest: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs `task(i)` for i in [0, count) with `concurrency` tasks in flight (closed loop: each client
 * starts its next request when its previous one ends) and measures each task's latency.
 */
export async function runLoad(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const client = async () => {
    while (next < count) {
      const i = next++;
      const begin = performance.now();
      await task(i);
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: count,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1],
    perSecond: count / seconds,
    cpuMsPerRequest: (used.user + used.system) / 1000 / count,
  };
}

/** One line of figures. */
export function describeFigures(label: string, figures: LoadFigures): string {
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(34)} p50 ${f(figures.p50Ms)} ms   p99 ${f(figures.p99Ms)} ms   ${f(figures.perSecond)} req/s   CPU ${f(figures.cpuMsPerRequest)} ms/req`;
}
