import type { OperationTiming } from './operation-timing';

/** What became of one `operation.requested` message. */
export type ProcessingResult = 'missing' | 'skipped' | 'completed' | 'failed' | 'canceled';

/** One delivery of an `operation.requested` message. */
export interface OperationDelivery {
  readonly subscriptionId: string;
  readonly operationId: string;
  /** Aborts on shutdown: the processor stops waiting and throws `OperationInterruptedError`. */
  readonly signal: AbortSignal;
  /** Counts the time spent waiting for workers, when the caller wants to know. */
  readonly timing?: OperationTiming;
}
