import type { OperationKind } from '../cli/operation-mix';

/** Terminal statuses of the `Azure-AsyncOperation` body. */
export const TERMINAL_STATUSES = ['Succeeded', 'Failed', 'Canceled'] as const;

/** Whether a status body's `status` is terminal. */
export function isTerminal(status: string | undefined): boolean {
  return status !== undefined && (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/**
 * What the load saw of one operation it issued. Times are `Date.now()` milliseconds of this
 * process; the services run on the same machine, so they compare with the documents' times.
 */
export interface OperationRecord {
  readonly subscriptionId: string;
  /** Arrival order in the subscription: the next was issued only after this one was answered. */
  readonly sequence: number;
  readonly kind: OperationKind;
  readonly method: string;
  readonly path: string;
  /** When the driver decided to issue it (it may then wait for a free request slot). */
  readonly issuedAt: number;
  /** When the request left (after the concurrency wait): the start of both latencies. */
  sentAt?: number;
  /** When the PUT/DELETE was answered. */
  answeredAt?: number;
  httpStatus?: number;
  /** The error code of a refused or failed request (`error.code`, or `HTTP 503`, `NetworkError`). */
  errorCode?: string;
  /** The refusal's `error.message`, for the report's samples. */
  errorMessage?: string;
  /** The operation id, when the request was accepted as a long-running operation. */
  operationId?: string;
  /** The last status the status URL answered. */
  status?: string;
  /** When a poll first answered a terminal status. */
  terminalAt?: number;
  /** The end of the first poll answering Running or terminal: the operation had started by then. */
  startedBy?: number;
  /** The start of the last poll answering Requested or Running: it had not ended by then. */
  unfinishedAt?: number;
  /** The start of the last poll answering Requested: it had not started by then. */
  notStartedAt?: number;
  /** The failure's `error.code` in the status body. */
  failureCode?: string;
  /** What Cosmos holds at the end, when the run can read it. */
  document?: OperationDocumentView;
}

/** The fields of a stored OperationDocument the checks read (ISO times turned into ms). */
export interface OperationDocumentView {
  readonly provisioningStatus: 'Requested' | 'Running' | 'Completed' | 'Failed' | 'Canceled' | 'Missing';
  readonly timeEnqueued?: number;
  readonly timeEnded?: number;
  readonly attemptCount?: number;
}
