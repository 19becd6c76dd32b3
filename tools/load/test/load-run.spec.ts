import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLoadOptions } from '../src/cli/load-options';
import { startOwnSystem, type LoadTarget } from '../src/faults/load-target';
import type { LoadReport } from '../src/report/load-report';
import { writeReport } from '../src/report/report-writer';
import { runLoad } from '../src/run-load';

/**
 * The short version of the big load check: the whole system as processes, two router replicas,
 * one killed while operations are in flight and restarted; nothing accepted may be lost, and no
 * subscription's operations may overlap or run out of their arrival order.
 */
describe('a load run with a router replica killed and restarted mid-run', () => {
  const options = parseLoadOptions([
    '--subscriptions', '20', '--operations', '5', '--routers', '2', '--poll-ms', '250', '--drain', '120s', '--seed', '3',
    '--kill', 'operation-router:0@30%', '--restart', 'operation-router:0@60%',
    // A subscription's commands never come back to back, so a worker holding an idle session for
    // the default 5 s caps it at 8 sessions / (work + 5 s); the big run uses the same settings.
    '--env', 'SERVICEBUS_SESSION_IDLE_TIMEOUT_MS=1000', '--env', 'SERVICEBUS_MAX_CONCURRENT_SESSIONS=32',
  ]);
  let target: LoadTarget;
  let report: LoadReport;
  let outDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'load-run-'));
    target = await startOwnSystem(options);
    report = await runLoad(options, target, (line) => lines.push(line));
  });
  afterAll(async () => {
    await target?.stop();
    if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  });

  it('applied the kill and the restart while operations were in flight', () => {
    expect(report.faults.map((f) => f.description)).toEqual(['kill operation-router:0 @30%', 'restart operation-router:0 @60%']);
    expect(report.faults.every((f) => f.outcome.startsWith('done'))).toBe(true);
  });

  it('had every accepted operation ended, read from the status URLs and the OperationDocuments', () => {
    expect(report.documentsRead).toBe(true);
    const { issued, accepted, terminal, refused, synchronous } = report.totals;
    expect(issued).toBe(100);
    expect(accepted).toBeGreaterThanOrEqual(80);
    expect(terminal).toBe(accepted);
    expect(accepted + refused + synchronous).toBe(issued);
    expect(report.latency.putToTerminal.count).toBe(accepted);
  });

  // The router ends an operation a moment before it updates the resource's state, so a request
  // right after it may still find the resource Creating (409) or its parent not provisioned.
  it('was refused only for a resource or parent that failed or was not yet shown provisioned (errors by code, not violations)', () => {
    const codes = Object.keys(report.errors).map((key) => key.split(' ')[1]);
    expect(codes.filter((code) => !['ParentResourceNotProvisioned', 'ResourceNotFound', 'Conflict'].includes(code))).toEqual([]);
  });

  it('lost nothing, ran no two operations of a subscription at once or out of order, dead-lettered nothing', () => {
    expect(report.violations).toEqual([]);
    expect(Object.values(report.deadLetters).reduce((a, b) => a + b, 0)).toBe(0);
    expect(report.passed).toBe(true);
  });

  it('writes the report as JSON and HTML', async () => {
    const paths = await writeReport(report, outDir);
    expect(JSON.parse(await readFile(paths.json, 'utf8'))).toMatchObject({ passed: true, totals: { accepted: report.totals['accepted'] } });
    expect(await readFile(paths.html, 'utf8')).toContain('All invariants held.');
  });
});
