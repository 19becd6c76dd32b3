import { appendFileSync } from 'node:fs';
import { formatSummary } from './bench-stats';

/** The router's last line about a delivery: `Operation <id>: <result> in <t> ms (worker round trip <w> ms, router <r> ms)`. */
const ROUTER_LINE = /Operation ([0-9a-f-]{36}): (\w+) in ([\d.]+) ms \(worker round trip ([\d.]+) ms, router ([\d.]+) ms\)/;
/** A worker's line after a command: `<subject> of operation <id> done in <t> ms`. */
const WORKER_LINE = /of operation ([0-9a-f-]{36}) done in ([\d.]+) ms/;

interface Timing {
  totalMs: number;
  roundTripMs: number;
  commandMs: number;
  /** Wall clock (ms since epoch) when the router's handling began, from the log line's time. */
  routerStartedAt?: number;
}

/**
 * Reads the timing lines the router and the workers log (see the router's OperationTiming and
 * the workers' runCommand) and derives, per operation: the router's handling time, its wait for
 * the worker, the worker's own command time, and so the router's overhead without the worker's
 * command. Every line also goes to $LOCAL_SYSTEM_LOG_FILE when set.
 */
export class OperationTimings {
  private readonly byOperation = new Map<string, Timing>();

  onLogLine(source: string, line: string): void {
    const file = process.env['LOCAL_SYSTEM_LOG_FILE'];
    if (file) appendFileSync(file, `[${source}] ${line}\n`);
    const router = ROUTER_LINE.exec(line);
    if (router !== null) {
      const timing = this.of(router[1]);
      timing.totalMs += Number(router[3]);
      timing.roundTripMs += Number(router[4]);
      const loggedAt = /"time":"([^"]+)"/.exec(line);
      if (loggedAt !== null && timing.routerStartedAt === undefined) timing.routerStartedAt = Date.parse(loggedAt[1]) - Number(router[3]);
      return;
    }
    const worker = WORKER_LINE.exec(line);
    if (worker !== null) this.of(worker[1]).commandMs += Number(worker[2]);
  }

  clear(): void {
    this.byOperation.clear();
  }

  /** Prints the breakdown for `operations` (ids with the client-clock acceptance time and the clock offset to wall time). */
  print(operations: readonly { operationId: string; acceptedAt: number }[], clockOffsetMs: number): void {
    const timed = operations.flatMap((o) => {
      const t = this.byOperation.get(o.operationId);
      return t === undefined || t.totalMs === 0 ? [] : [{ ...t, acceptedAt: o.acceptedAt + clockOffsetMs }];
    });
    console.log('');
    console.log(`Where an operation's time goes (${timed.length} of ${operations.length} operations with router timing lines):`);
    console.log('  method: the router logs, per delivery, its handling time (message in its handler -> settled) and the time it');
    console.log('  waited on the worker request/reply; each worker logs its command time. Router overhead = handling - command.');
    const queued = timed.filter((t) => t.routerStartedAt !== undefined).map((t) => t.routerStartedAt! - t.acceptedAt);
    console.log(formatSummary('  queue wait (201 -> router starts it)', queued));
    console.log(formatSummary('  router handling, whole', timed.map((t) => t.totalMs)));
    console.log(formatSummary('  worker round trip (send, command, reply)', timed.map((t) => t.roundTripMs)));
    console.log(formatSummary('  worker command (fhir-provisioner)', timed.map((t) => t.commandMs)));
    console.log(formatSummary('  router own work (documents, chain, settle)', timed.map((t) => t.totalMs - t.roundTripMs)));
    console.log(formatSummary('  messaging transit (round trip - command)', timed.map((t) => t.roundTripMs - t.commandMs)));
    console.log(formatSummary('  ROUTER OVERHEAD (handling - command)', timed.map((t) => t.totalMs - t.commandMs)));
  }

  private of(operationId: string): Timing {
    let timing = this.byOperation.get(operationId);
    if (timing === undefined) {
      timing = { totalMs: 0, roundTripMs: 0, commandMs: 0 };
      this.byOperation.set(operationId, timing);
    }
    return timing;
  }
}
