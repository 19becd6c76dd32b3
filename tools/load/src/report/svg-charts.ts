import type { HistogramBucket, ThroughputPoint } from '../check/latency-stats';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 36 };

/** Escapes text for HTML and SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Milliseconds as `850ms`, `1.2s`, `3m`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10}s`;
  return `${Math.round(ms / 6000) / 10}m`;
}

/** A latency histogram as inline SVG bars, one per bucket that is not empty or lies between non-empty ones. */
export function histogramSvg(buckets: readonly HistogramBucket[], title: string): string {
  const first = buckets.findIndex((b) => b.count > 0);
  const last = buckets.length - 1 - [...buckets].reverse().findIndex((b) => b.count > 0);
  const shown = first < 0 ? [] : buckets.slice(first, last + 1);
  const top = Math.max(1, ...shown.map((b) => b.count));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const barW = shown.length === 0 ? 0 : plotW / shown.length;
  const bars = shown.map((b, i) => {
    const h = (b.count / top) * plotH;
    const x = PAD.left + i * barW;
    const y = PAD.top + plotH - h;
    return (
      `<rect x="${x + 2}" y="${y}" width="${Math.max(1, barW - 4)}" height="${h}" fill="#4a7bd0"><title>${formatMs(b.from)}–${formatMs(b.to)}: ${b.count}</title></rect>` +
      `<text x="${x + barW / 2}" y="${HEIGHT - PAD.bottom + 14}" font-size="10" text-anchor="middle">&lt;${formatMs(b.to)}</text>` +
      `<text x="${x + barW / 2}" y="${y - 2}" font-size="10" text-anchor="middle">${b.count}</text>`
    );
  });
  return frame(title, bars.join(''), top);
}

/** Accepted and completed operations per second as two polylines. */
export function throughputSvg(points: readonly ThroughputPoint[], title: string): string {
  const top = Math.max(1, ...points.map((p) => Math.max(p.accepted, p.completed)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (s: number) => PAD.left + (points.length <= 1 ? 0 : (s / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const line = (pick: (p: ThroughputPoint) => number, colour: string) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points.map((p) => `${x(p.second).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ')}"/>`;
  const axis = `<text x="${WIDTH - PAD.right}" y="${HEIGHT - PAD.bottom + 14}" font-size="10" text-anchor="end">${points.length}s</text>`;
  const legend =
    `<text x="${PAD.left + 4}" y="${PAD.top + 10}" font-size="11" fill="#d07a4a">accepted/s</text>` +
    `<text x="${PAD.left + 80}" y="${PAD.top + 10}" font-size="11" fill="#2f8f4e">completed/s</text>`;
  return frame(title, line((p) => p.accepted, '#d07a4a') + line((p) => p.completed, '#2f8f4e') + axis + legend, top);
}

function frame(title: string, content: string, top: number): string {
  const bottom = HEIGHT - PAD.bottom;
  return (
    `<figure><figcaption>${escapeXml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}">` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${bottom}" stroke="#999"/>` +
    `<line x1="${PAD.left}" y1="${bottom}" x2="${WIDTH - PAD.right}" y2="${bottom}" stroke="#999"/>` +
    `<text x="${PAD.left - 4}" y="${PAD.top + 8}" font-size="10" text-anchor="end">${top}</text>` +
    `<text x="${PAD.left - 4}" y="${bottom}" font-size="10" text-anchor="end">0</text>` +
    `${content}</svg></figure>`
  );
}
