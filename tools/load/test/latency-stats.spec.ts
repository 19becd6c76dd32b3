import { histogram, percentile, summarizeLatencies, throughputSeries } from '../src/check/latency-stats';

describe('latency statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it.each([
    [50, 50],
    [90, 90],
    [99, 99],
    [100, 100],
    [0.1, 1],
  ])('the nearest-rank p%d of 1..100 is %d', (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it('gives 0 for no values and the value itself for one', () => {
    expect(percentile([], 99)).toBe(0);
    expect(percentile([42], 50)).toBe(42);
    expect(summarizeLatencies([])).toMatchObject({ count: 0, p50: 0, max: 0, mean: 0 });
  });

  it('summarizes unsorted values', () => {
    expect(summarizeLatencies([30, 10, 20, 1000])).toMatchObject({ count: 4, p50: 20, p90: 1000, p99: 1000, max: 1000, mean: 265 });
  });

  it('counts each value in the bucket whose range holds it, the largest in the last', () => {
    const buckets = histogram([0, 0.5, 1, 4, 999, 1000, 5_000_000]);
    const countOf = (from: number) => buckets.find((b) => b.from === from)?.count;
    expect(countOf(0)).toBe(2);
    expect(countOf(1)).toBe(1);
    expect(countOf(2)).toBe(1);
    expect(countOf(500)).toBe(1);
    expect(countOf(1000)).toBe(1);
    expect(buckets.at(-1)?.count).toBe(1);
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(7);
  });

  it('counts accepted and completed operations per second of the run, with empty seconds', () => {
    expect(throughputSeries(10_000, [10_100, 10_900, 12_000], [13_500])).toEqual([
      { second: 0, accepted: 2, completed: 0 },
      { second: 1, accepted: 0, completed: 0 },
      { second: 2, accepted: 1, completed: 0 },
      { second: 3, accepted: 0, completed: 1 },
    ]);
  });
});
