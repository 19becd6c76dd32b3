import { checkInvariants, type DeadLetterCounts, type Violation } from '../check/invariant-checker';
import { summarizeLatencies, throughputSeries, type LatencySummary, type ThroughputPoint } from '../check/latency-stats';
import type { DeadLetterSample } from '../audit/dead-letters';
import { isTerminal, type OperationRecord } from '../driver/operation-record';

/** A fault as it was applied during the run. */
export interface AppliedFault {
  readonly description: string;
  /** ms since the run started. */
  readonly atMs: number;
  readonly outcome: string;
}

/** What a run hands to {@link buildReport}. */
export interface RunOutcome {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly startedAt: number;
  /** When the last operation was issued (the load phase's end). */
  readonly issuingEndedAt: number;
  readonly endedAt: number;
  readonly records: readonly OperationRecord[];
  readonly deadLetters: DeadLetterCounts;
  readonly deadLetterSamples?: readonly DeadLetterSample[];
  /** Whether the OperationDocuments were read from Cosmos. */
  readonly documentsRead: boolean;
  readonly faults: readonly AppliedFault[];
}

/** The report written as JSON and rendered as HTML. */
export interface LoadReport {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly totals: Readonly<Record<string, number>>;
  /** Operations that reached a terminal status per second, over the whole run and its busiest 10 s. */
  readonly throughput: { readonly completedPerSecond: number; readonly acceptedPerSecond: number; readonly series: readonly ThroughputPoint[] };
  readonly latency: { readonly putToAccepted: LatencySummary; readonly putToTerminal: LatencySummary };
  readonly outcomes: Readonly<Record<string, number>>;
  /** Refused requests by operation kind and error code. */
  readonly errors: Readonly<Record<string, number>>;
  /** One message per error key, to see why. */
  readonly errorSamples: Readonly<Record<string, string>>;
  readonly deadLetters: DeadLetterCounts;
  /** The first dead-lettered messages of each queue: reason, delivery count, operation id. */
  readonly deadLetterSamples: readonly DeadLetterSample[];
  readonly documentsRead: boolean;
  readonly faults: readonly AppliedFault[];
  readonly violations: readonly Violation[];
  readonly passed: boolean;
}

/** Computes the figures and checks the invariants. */
export function buildReport(run: RunOutcome): LoadReport {
  const accepted = run.records.filter((r) => r.operationId !== undefined);
  const terminal = accepted.filter((r) => isTerminal(r.status) && r.terminalAt !== undefined);
  const violations = checkInvariants(run.records, run.deadLetters);
  const seconds = Math.max(0.001, (run.endedAt - run.startedAt) / 1000);
  const activeSeconds = Math.max(0.001, (Math.max(run.issuingEndedAt, ...terminal.map((r) => r.terminalAt ?? 0)) - run.startedAt) / 1000);
  return {
    settings: run.settings,
    startedAt: new Date(run.startedAt).toISOString(),
    durationSeconds: round(seconds),
    totals: {
      issued: run.records.length,
      accepted: accepted.length,
      terminal: terminal.length,
      refused: run.records.filter((r) => r.errorCode !== undefined).length,
      // Answered 2xx without an operation: a DELETE of what was already gone (204), say.
      synchronous: run.records.filter((r) => r.operationId === undefined && r.errorCode === undefined).length,
    },
    throughput: {
      completedPerSecond: round(terminal.length / activeSeconds),
      acceptedPerSecond: round(accepted.length / Math.max(0.001, (run.issuingEndedAt - run.startedAt) / 1000)),
      series: throughputSeries(run.startedAt, accepted.map((r) => r.answeredAt ?? 0), terminal.map((r) => r.terminalAt ?? 0)),
    },
    latency: {
      putToAccepted: summarizeLatencies(accepted.map((r) => (r.answeredAt ?? 0) - (r.sentAt ?? r.issuedAt))),
      putToTerminal: summarizeLatencies(terminal.map((r) => (r.terminalAt ?? 0) - (r.sentAt ?? r.issuedAt))),
    },
    outcomes: count(accepted.map((r) => `${r.kind} ${r.status ?? 'unknown'}${r.failureCode ? ` (${r.failureCode})` : ''}`)),
    errors: count(run.records.flatMap((r) => (r.errorCode === undefined ? [] : [errorKey(r)]))),
    errorSamples: Object.fromEntries(run.records.filter((r) => r.errorCode !== undefined).map((r) => [errorKey(r), r.errorMessage ?? r.errorCode ?? ''])),
    deadLetters: run.deadLetters,
    deadLetterSamples: run.deadLetterSamples ?? [],
    documentsRead: run.documentsRead,
    faults: run.faults,
    violations,
    passed: violations.length === 0,
  };
}

function errorKey(record: OperationRecord): string {
  return `${record.kind} ${record.errorCode ?? ''}`;
}

function count(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
