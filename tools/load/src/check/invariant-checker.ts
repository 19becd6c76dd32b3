import { isTerminal, type OperationRecord } from '../driver/operation-record';

/** The invariants of ARCHITECTURE.md a load run checks. */
export type InvariantName = 'lost' | 'overlap' | 'out-of-order' | 'dead-letter';

/** One broken invariant, with what proves it. */
export interface Violation {
  readonly invariant: InvariantName;
  readonly subscriptionId?: string;
  readonly operationIds: readonly string[];
  readonly detail: string;
}

/** Dead-lettered messages per queue. */
export type DeadLetterCounts = Readonly<Record<string, number>>;

const TERMINAL_DOCUMENT = new Set(['Completed', 'Failed', 'Canceled']);

/**
 * Checks the run's history:
 * - lost: accepted, but not terminal at the end (in Cosmos when read, else in the last status answer);
 * - overlap / out-of-order: of two operations of a subscription, the later-arrived one had started
 *   while the earlier was unfinished (overlap) or not yet started (out of order), as proven by
 *   status answers or the earlier one's stored `timeEnded`; or ended before the earlier one ended;
 * - dead-letter: any message in a dead-letter queue.
 */
export function checkInvariants(records: readonly OperationRecord[], deadLetters: DeadLetterCounts): Violation[] {
  const accepted = records.filter((r) => r.operationId !== undefined);
  const violations: Violation[] = accepted.filter(isLost).map((r) => ({
    invariant: 'lost' as const,
    subscriptionId: r.subscriptionId,
    operationIds: [r.operationId ?? ''],
    detail: `accepted at ${new Date(r.answeredAt ?? 0).toISOString()} but ${r.document?.provisioningStatus ?? r.status ?? 'never seen'} at the end`,
  }));
  for (const history of bySubscription(accepted).values()) violations.push(...checkSubscription(history));
  for (const [queue, count] of Object.entries(deadLetters)) {
    if (count > 0) violations.push({ invariant: 'dead-letter', operationIds: [], detail: `${count} message(s) in ${queue}/$deadletterqueue` });
  }
  return violations;
}

/** The times a check compares, for whoever investigates a violation. */
function times(record: OperationRecord): string {
  const iso = (t: number | undefined) => (t === undefined ? '-' : new Date(t).toISOString().slice(11, 23));
  const { notStartedAt, unfinishedAt, startedBy } = record;
  const doc = record.document;
  return `#${record.sequence} accepted ${iso(record.answeredAt)} requested@${iso(notStartedAt)} unfinished@${iso(unfinishedAt)} startedBy ${iso(startedBy)} ended ${iso(doc?.timeEnded)}`;
}

function isLost(record: OperationRecord): boolean {
  if (record.document !== undefined) return !TERMINAL_DOCUMENT.has(record.document.provisioningStatus);
  return !isTerminal(record.status);
}

function bySubscription(records: readonly OperationRecord[]): Map<string, OperationRecord[]> {
  const groups = new Map<string, OperationRecord[]>();
  for (const record of records) groups.set(record.subscriptionId, [...(groups.get(record.subscriptionId) ?? []), record]);
  for (const group of groups.values()) group.sort((a, b) => a.sequence - b.sequence);
  return groups;
}

function checkSubscription(history: readonly OperationRecord[]): Violation[] {
  const violations: Violation[] = [];
  for (let i = 0; i < history.length; i++) {
    for (let j = i + 1; j < history.length; j++) {
      const found = comparePair(history[i], history[j]);
      if (found !== undefined) violations.push(found);
    }
  }
  return violations;
}

/** What proves that `later` (arrived after `earlier`) did not wait for it, if anything. */
function comparePair(earlier: OperationRecord, later: OperationRecord): Violation | undefined {
  const violation = (invariant: InvariantName, detail: string): Violation => ({
    invariant,
    subscriptionId: earlier.subscriptionId,
    operationIds: [earlier.operationId ?? '', later.operationId ?? ''],
    detail: `#${later.sequence} ${detail} #${earlier.sequence} (${times(earlier)}; ${times(later)})`,
  });
  const started = later.startedBy;
  if (started !== undefined && earlier.notStartedAt !== undefined && started < earlier.notStartedAt) {
    return violation('out-of-order', 'had started while the status answered Requested for the earlier-arrived');
  }
  if (started !== undefined && earlier.unfinishedAt !== undefined && started < earlier.unfinishedAt) {
    return violation('overlap', 'had started while the status answered unfinished for');
  }
  const earlierEnded = earlier.document?.timeEnded;
  if (started !== undefined && earlierEnded !== undefined && started < earlierEnded) {
    return violation('overlap', 'had started before the stored timeEnded of');
  }
  const laterEnded = later.document?.timeEnded;
  if (earlierEnded !== undefined && laterEnded !== undefined && laterEnded < earlierEnded) {
    return violation('out-of-order', 'ended (stored timeEnded) before the earlier-arrived');
  }
  return undefined;
}
