import { parsePayload } from './common/parse-payload';
import { OperationProgress, OperationProgressSchema } from './operation-progress';
import { OperationRequested, OperationRequestedSchema } from './operation-requested';
import { Subject } from './subjects';

/** Parses an `operation.requested` message body (operations queue). */
export function parseOperationRequested(body: unknown): OperationRequested {
  return parsePayload(OperationRequestedSchema, body, Subject.OperationRequested);
}

/** Parses an `operation.progress` message body (operation-replies queue). */
export function parseOperationProgress(body: unknown): OperationProgress {
  return parsePayload(OperationProgressSchema, body, Subject.OperationProgress);
}
