import { isTerminalStatus, type OperationDocument } from '@iomt/domain';

/**
 * Orders operations as the gateway accepted them: `timeEnqueued`, ties broken by id (so every
 * replica picks the same order). Negative when `a` runs before `b`.
 */
export function compareEnqueueOrder(a: OperationDocument, b: OperationDocument): number {
  const byTime = Date.parse(a.timeEnqueued) - Date.parse(b.timeEnqueued);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * The unfinished operation that must run before `target` (ARCHITECTURE.md invariant 1: a
 * subscription's operations run in the order they were enqueued, whatever order their messages
 * arrive in): the earliest-enqueued of `nonTerminal` enqueued before `target`, or undefined when
 * none is (`target` may run). Terminal entries and other subscriptions' operations are ignored,
 * so a stale or unordered listing is safe.
 */
export function nextOperationBefore(
  target: OperationDocument,
  nonTerminal: readonly OperationDocument[],
): OperationDocument | undefined {
  let next: OperationDocument | undefined;
  for (const candidate of nonTerminal) {
    if (candidate.subscriptionId !== target.subscriptionId || isTerminalStatus(candidate.provisioningStatus)) continue;
    if (compareEnqueueOrder(candidate, target) >= 0) continue;
    if (next === undefined || compareEnqueueOrder(candidate, next) < 0) next = candidate;
  }
  return next;
}
