import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OperationRecord } from '../src/driver/operation-record';
import { buildReport, type RunOutcome } from '../src/report/load-report';
import { renderReportHtml } from '../src/report/report-html';
import { summaryLines, writeReport } from '../src/report/report-writer';

const SUB = '00000000-0000-0000-0000-00000000000b';

function accepted(sequence: number, issuedAt: number, terminalAt: number): OperationRecord {
  return {
    subscriptionId: SUB, sequence, kind: 'service', method: 'PUT', path: `/p/${sequence}`, issuedAt, answeredAt: issuedAt + 50, httpStatus: 201,
    operationId: `op-${sequence}`, status: 'Succeeded', startedBy: terminalAt, terminalAt, document: { provisioningStatus: 'Completed', timeEnded: terminalAt - 5 },
  };
}

function run(records: OperationRecord[], deadLetters: Record<string, number> = { operations: 0 }): RunOutcome {
  return {
    settings: { subscriptions: 1, note: '<script>' }, startedAt: 0, issuingEndedAt: 1000, endedAt: 3000, records, deadLetters, documentsRead: true,
    faults: [{ description: 'kill operation-router:0 @50%', atMs: 700, outcome: 'done after 12ms' }],
  };
}

describe('the load report', () => {
  const refused: OperationRecord = { subscriptionId: SUB, sequence: 2, kind: 'mapping', method: 'PUT', path: '/p/2', issuedAt: 900, answeredAt: 950, errorCode: 'Conflict', errorMessage: 'busy' };
  const records = [accepted(0, 0, 1000), accepted(1, 100, 2000), refused];

  it('holds the figures: totals, throughput, latency percentiles, errors by code, faults', () => {
    const report = buildReport(run(records));
    expect(report).toMatchObject({
      totals: { issued: 3, accepted: 2, terminal: 2, refused: 1, synchronous: 0 },
      throughput: { completedPerSecond: 1, acceptedPerSecond: 2 },
      latency: { putToAccepted: { count: 2, p50: 50, max: 50 }, putToTerminal: { count: 2, p50: 1000, p99: 1900, max: 1900 } },
      errors: { 'mapping Conflict': 1 },
      errorSamples: { 'mapping Conflict': 'busy' },
      outcomes: { 'service Succeeded': 2 },
      passed: true,
      violations: [],
    });
    expect(report.throughput.series).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('fails when an invariant is violated', () => {
    const lost = { ...accepted(3, 0, 0), status: 'Running', terminalAt: undefined, document: { provisioningStatus: 'Running' as const } };
    const sample = { queue: 'operations', operationId: 'op-3', reason: 'MaxDeliveryCountExceeded', deliveryCount: 5 };
    const report = buildReport({ ...run([lost], { operations: 1 }), deadLetterSamples: [sample] });
    expect(report.passed).toBe(false);
    expect(report.deadLetterSamples).toEqual([sample]);
    expect(renderReportHtml(report)).toContain('<td>op-3</td><td></td><td>MaxDeliveryCountExceeded</td><td>5</td>');
    expect(report.violations.map((v) => v.invariant).sort()).toEqual(['dead-letter', 'lost']);
    expect(summaryLines(report).at(-1)).toBe('invariants VIOLATED: {"lost":1,"dead-letter":1}');
  });

  it('renders one self-contained page: inline SVG charts, escaped text, no external assets', () => {
    const html = renderReportHtml(buildReport(run(records)));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<polyline');
    expect(html).toContain('All invariants held.');
    expect(html).toContain('&quot;&lt;script&gt;&quot;');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)=/);
  });

  it('lists the violations on the page', () => {
    const overlap = [accepted(0, 0, 3000), { ...accepted(1, 100, 2000), startedBy: 500 }];
    const html = renderReportHtml(buildReport(run(overlap)));
    expect(html).toContain('invariant violation(s).');
    expect(html).toContain('<td>overlap</td>');
  });

  it('writes report.json and report.html to the out directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'load-report-'));
    try {
      const paths = await writeReport(buildReport(run(records)), join(dir, 'nested'));
      expect(JSON.parse(await readFile(paths.json, 'utf8'))).toMatchObject({ passed: true, totals: { accepted: 2 } });
      expect(await readFile(paths.html, 'utf8')).toContain('<h1>Load report</h1>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
