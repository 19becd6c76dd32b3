import { randomUUID } from 'node:crypto';
import { attachOperationDocuments } from './audit/operation-documents';
import { auditDeadLetters, type DeadLetterAudit } from './audit/dead-letters';
import type { LoadOptions } from './cli/load-options';
import { describeFault } from './cli/fault-spec';
import { GatewayClient } from './driver/gateway-client';
import type { OperationRecord } from './driver/operation-record';
import { Semaphore } from './driver/semaphore';
import { driveSubscription, type DriverContext } from './driver/subscription-driver';
import { FaultScheduler } from './faults/fault-scheduler';
import type { LoadTarget } from './faults/load-target';
import { buildReport, type LoadReport } from './report/load-report';
import { SubscriptionPlan } from './workload/subscription-plan';
import { seededRandom } from '@iomt/local-stack';

/**
 * One load run against a target: every subscription's driver at once (bounded by the concurrency),
 * the fault schedule alongside, issuing stopped at the duration cap, accepted operations polled
 * until they end or the drain wait is over; then the OperationDocuments and dead-letter queues are
 * read and the report built.
 */
export async function runLoad(options: LoadOptions, target: LoadTarget, log: (line: string) => void): Promise<LoadReport> {
  const random = seededRandom(options.seed);
  const plans = Array.from({ length: options.subscriptions }, () => new SubscriptionPlan(randomUUID(), options.mix, seededRandom(Math.floor(random() * 2 ** 31))));
  const planned = options.subscriptions * options.operationsPerSubscription;
  const startedAt = Date.now();
  let accepted = 0;
  let issuingEndedAt: number | undefined;
  let subscriptionsIssued = 0;
  const records: OperationRecord[] = [];
  const context: DriverContext = {
    client: new GatewayClient(target.gatewayUrl, new Semaphore(options.concurrency)),
    poll: { pollMs: options.pollMs, deadline: () => (issuingEndedAt ?? Infinity) + options.drainMs },
    stopIssuing: () => Date.now() - startedAt >= options.durationMs,
    onAccepted: () => accepted++,
    onIssuingDone: () => {
      if (++subscriptionsIssued === plans.length) issuingEndedAt = Date.now();
    },
    records,
  };
  const faults = new FaultScheduler(options.schedule, target, startedAt, () => accepted / planned, log);
  faults.start();
  const progress = setInterval(() => log(`[load] ${Math.round((Date.now() - startedAt) / 1000)}s: ${records.length} issued, ${accepted} accepted, ${records.filter((r) => r.terminalAt !== undefined).length} ended`), 10_000);
  try {
    await Promise.all(plans.map((plan) => driveSubscription(plan, options.operationsPerSubscription, context)));
  } finally {
    clearInterval(progress);
    await faults.stop();
  }
  const documentsRead = target.globalDb !== undefined;
  if (target.globalDb !== undefined) await attachOperationDocuments(target.globalDb, records);
  const deadLetters: DeadLetterAudit =
    target.serviceBusConnectionString === undefined ? { counts: {}, samples: [] } : await auditDeadLetters(target.serviceBusConnectionString);
  return buildReport({
    settings: settingsOf(options),
    startedAt,
    issuingEndedAt: lastIssue(records) ?? startedAt,
    endedAt: Date.now(),
    records,
    deadLetters: deadLetters.counts,
    deadLetterSamples: deadLetters.samples,
    documentsRead,
    faults: faults.applied,
  });
}

function lastIssue(records: readonly OperationRecord[]): number | undefined {
  return records.reduce<number | undefined>((last, r) => Math.max(last ?? 0, r.answeredAt ?? r.issuedAt), undefined);
}

function settingsOf(options: LoadOptions): Record<string, unknown> {
  const { schedule, ...rest } = options;
  return { ...rest, schedule: schedule.map(describeFault) };
}
