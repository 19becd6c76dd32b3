import { errorCodeOf, type GatewayAnswer, type GatewayClient, NoAnswerError } from './gateway-client';
import { isTerminal, type OperationRecord } from './operation-record';

/** How the poller paces itself and when it gives up. */
export interface PollSettings {
  /** Fixed interval; else the answer's Retry-After (seconds), else 1 s. */
  readonly pollMs?: number;
  /** No poll starts after this time (ms since the epoch): the run's drain deadline. */
  readonly deadline: () => number;
}

/**
 * Polls an operation's `Azure-AsyncOperation` URL until its status is terminal (or the deadline),
 * recording in the record what each answer proves: Running or terminal ⇒ started by the time the
 * answer came; Requested or Running ⇒ not ended when the request left.
 */
export async function pollToEnd(client: GatewayClient, url: string, record: OperationRecord, settings: PollSettings, firstDelayMs: number): Promise<void> {
  let delay = firstDelayMs;
  while (!isTerminal(record.status)) {
    if (Date.now() + delay > settings.deadline()) return;
    await pause(delay);
    let answer: GatewayAnswer;
    try {
      answer = await client.get(url);
    } catch (error) {
      if (!(error instanceof NoAnswerError)) throw error;
      delay = settings.pollMs ?? 1000;
      continue;
    }
    if (answer.status === 200) observe(record, answer);
    delay = settings.pollMs ?? retryAfterMs(answer) ?? 1000;
  }
}

/** Folds one status answer into the record. */
export function observe(record: OperationRecord, answer: GatewayAnswer): void {
  const body = answer.body as { status?: unknown; error?: unknown } | undefined;
  const status = typeof body?.status === 'string' ? body.status : undefined;
  if (status === undefined) return;
  record.status = status;
  if (status === 'Requested') record.notStartedAt = Math.max(record.notStartedAt ?? 0, answer.sentAt);
  if (!isTerminal(status)) record.unfinishedAt = Math.max(record.unfinishedAt ?? 0, answer.sentAt);
  if (status !== 'Requested') record.startedBy = Math.min(record.startedBy ?? Infinity, answer.receivedAt);
  if (isTerminal(status)) {
    record.terminalAt = answer.receivedAt;
    if (body?.error !== undefined) record.failureCode = errorCodeOf({ status: 200, body });
  }
}

/** The Retry-After header in ms, if it is a whole number of seconds. */
export function retryAfterMs(answer: Pick<GatewayAnswer, 'headers'>): number | undefined {
  const header = answer.headers.get('retry-after');
  return header !== null && /^\d+$/.test(header) ? Number(header) * 1000 : undefined;
}

/** The pacing between polls of a load driver (an ARM client's polling interval), not synchronisation. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
