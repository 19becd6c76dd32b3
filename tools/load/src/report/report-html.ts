import type { LatencySummary } from '../check/latency-stats';
import type { LoadReport } from './load-report';
import { escapeXml, formatMs, histogramSvg, throughputSvg } from './svg-charts';

/** The report as one self-contained HTML page: inline CSS and SVG, no external assets. */
export function renderReportHtml(report: LoadReport): string {
  const verdict = report.passed ? '<p class="ok">All invariants held.</p>' : `<p class="bad">${report.violations.length} invariant violation(s).</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Load report ${escapeXml(report.startedAt)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}.ok{color:#2f8f4e;font-weight:bold}.bad{color:#b00020;font-weight:bold}
figure{margin:0 0 1.5rem}figcaption{font-weight:bold;margin-bottom:.25rem}code{font-size:.85em}</style></head>
<body><h1>Load report</h1>
<p>Started ${escapeXml(report.startedAt)}, ${report.durationSeconds}s.</p>${verdict}
<h2>Settings</h2>${table(Object.entries(report.settings).map(([k, v]) => [k, JSON.stringify(v) ?? "unset"]))}
<h2>Totals</h2>${table(Object.entries(report.totals).map(([k, v]) => [k, String(v)]))}
<h2>Throughput</h2>${table([
    ['completed operations/s', String(report.throughput.completedPerSecond)],
    ['accepted operations/s (while issuing)', String(report.throughput.acceptedPerSecond)],
  ])}
${throughputSvg(report.throughput.series, 'Operations per second over the run')}
<h2>Latency</h2>${latencyTable(report)}
${histogramSvg(report.latency.putToAccepted.histogram, 'PUT/DELETE → 201/202 (ms)')}
${histogramSvg(report.latency.putToTerminal.histogram, 'PUT/DELETE → terminal status (ms)')}
<h2>Invariants</h2>${violationsTable(report)}
<h2>Outcomes</h2>${table(sortedCounts(report.outcomes))}
<h2>Errors by code</h2>${Object.keys(report.errors).length === 0 ? '<p>None.</p>' : table(sortedCounts(report.errors).map(([k, n]) => [k, n, report.errorSamples[k] ?? '']))}
<h2>Dead-lettered messages</h2>${table(Object.entries(report.deadLetters).map(([q, n]) => [q, String(n)]))}${deadLetterTable(report)}
<h2>Faults</h2>${report.faults.length === 0 ? '<p>None scheduled.</p>' : table(report.faults.map((f) => [`${formatMs(f.atMs)}`, f.description, f.outcome]))}
</body></html>
`;
}

function latencyTable(report: LoadReport): string {
  const row = (name: string, s: LatencySummary) => [name, String(s.count), ...[s.p50, s.p90, s.p99, s.max, s.mean].map(formatMs)];
  return table([row('PUT → 201/202', report.latency.putToAccepted), row('PUT → terminal', report.latency.putToTerminal)], ['', 'count', 'p50', 'p90', 'p99', 'max', 'mean']);
}

function violationsTable(report: LoadReport): string {
  const source = report.documentsRead ? 'status answers and the OperationDocuments in Cosmos' : 'status answers only (Cosmos not read)';
  const intro = `<p>Checked from ${source}.</p>`;
  if (report.violations.length === 0) return `${intro}<p class="ok">No lost, overlapping or out-of-order operation; no dead-lettered message.</p>`;
  return intro + table(report.violations.map((v) => [v.invariant, v.subscriptionId ?? '', v.operationIds.join(' '), v.detail]), ['invariant', 'subscription', 'operations', 'detail']);
}

function deadLetterTable(report: LoadReport): string {
  if (report.deadLetterSamples.length === 0) return '';
  const rows = report.deadLetterSamples.map((m) => [m.queue, m.operationId ?? '', m.sessionId ?? '', m.reason ?? '', String(m.deliveryCount ?? ''), m.description ?? '']);
  return table(rows, ['queue', 'operation', 'session', 'reason', 'deliveries', 'description']);
}

function sortedCounts(counts: Readonly<Record<string, number>>): string[][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => [k, String(v)]);
}

function table(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const head = header === undefined ? '' : `<tr>${header.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr>`;
  return `<table>${head}${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
}
