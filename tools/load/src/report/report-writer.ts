import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LoadReport } from './load-report';
import { renderReportHtml } from './report-html';
import { formatMs } from './svg-charts';

/** Writes `report.json` and `report.html` into `outDir`; resolves with their paths. */
export async function writeReport(report: LoadReport, outDir: string): Promise<{ json: string; html: string }> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const html = join(dir, 'report.html');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, renderReportHtml(report));
  return { json, html };
}

/** The few lines printed at the end of a run. */
export function summaryLines(report: LoadReport): string[] {
  const { putToAccepted: a, putToTerminal: t } = report.latency;
  const lines = [
    `operations: ${report.totals['issued']} issued, ${report.totals['accepted']} accepted, ${report.totals['terminal']} terminal, ${report.totals['refused']} refused, ${report.totals['synchronous']} answered at once in ${report.durationSeconds}s`,
    `throughput: ${report.throughput.completedPerSecond} completed/s, ${report.throughput.acceptedPerSecond} accepted/s while issuing`,
    `PUT→201:      p50 ${formatMs(a.p50)}  p90 ${formatMs(a.p90)}  p99 ${formatMs(a.p99)}  max ${formatMs(a.max)}`,
    `PUT→terminal: p50 ${formatMs(t.p50)}  p90 ${formatMs(t.p90)}  p99 ${formatMs(t.p99)}  max ${formatMs(t.max)}`,
    `errors by code: ${JSON.stringify(report.errors)}`,
    `dead letters: ${JSON.stringify(report.deadLetters)}`,
  ];
  const byInvariant = new Map<string, number>();
  for (const v of report.violations) byInvariant.set(v.invariant, (byInvariant.get(v.invariant) ?? 0) + 1);
  lines.push(report.passed ? 'invariants: OK (no lost, overlapping or out-of-order operation, no dead letter)' : `invariants VIOLATED: ${JSON.stringify(Object.fromEntries(byInvariant))}`);
  return lines;
}
