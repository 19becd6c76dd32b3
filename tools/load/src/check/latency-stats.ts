/** Percentiles and extremes of a set of latencies, in ms. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly histogram: readonly HistogramBucket[];
}

/** Values in `[from, to)` ms. */
export interface HistogramBucket {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Bucket edges in ms: 1-2-5 steps from 1 ms to 20 min, fine where request latencies sit. */
export const BUCKET_EDGES = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_200_000];

/** The nearest-rank percentile `p` (0-100] of ascending `sorted` values; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Counts values per bucket of {@link BUCKET_EDGES}; values beyond the last edge go in the last bucket. */
export function histogram(values: readonly number[]): HistogramBucket[] {
  const buckets = BUCKET_EDGES.slice(0, -1).map((from, i) => ({ from, to: BUCKET_EDGES[i + 1], count: 0 }));
  for (const value of values) {
    const index = buckets.findIndex((b) => value < b.to);
    buckets[index < 0 ? buckets.length - 1 : index].count++;
  }
  return buckets;
}

/** p50/p90/p99/max/mean and a histogram of `values`. */
export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? 0 : sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    mean: Math.round(mean),
    histogram: histogram(sorted),
  };
}

/** Counts per second of the run. */
export interface ThroughputPoint {
  readonly second: number;
  readonly accepted: number;
  readonly completed: number;
}

/** Accepted and completed operations per second since `startedAt`, every second up to the last event. */
export function throughputSeries(startedAt: number, acceptedAt: readonly number[], completedAt: readonly number[]): ThroughputPoint[] {
  const second = (t: number) => Math.max(0, Math.floor((t - startedAt) / 1000));
  const last = Math.max(-1, ...acceptedAt.map(second), ...completedAt.map(second));
  const points = Array.from({ length: last + 1 }, (_, s) => ({ second: s, accepted: 0, completed: 0 }));
  for (const t of acceptedAt) points[second(t)].accepted++;
  for (const t of completedAt) points[second(t)].completed++;
  return points;
}
