import { operationIdSchema, parsePayload, Subject, subscriptionIdSchema } from '@iomt/contracts';
import { z } from 'zod';

/**
 * What the router reads from `operation.requested`: the ids. The contract's `resourceId` is for
 * logs only and the domain publisher (the sweeper's) does not send it, so it is not required.
 */
const operationMessageSchema = z.object({ operationId: operationIdSchema, subscriptionId: subscriptionIdSchema });

/** A readable message, or why it is poison and the operation id when that much could be read. */
export type ParsedOperationMessage =
  | { readonly ok: true; readonly operationId: string; readonly subscriptionId: string }
  | { readonly ok: false; readonly reason: string; readonly operationId?: string };

/**
 * Parses a message body in the session it came in. The session is the subscription (invariant 1),
 * so a body naming another subscription is refused: running it would break that subscription's order.
 */
export function parseOperationMessage(body: unknown, sessionId: string): ParsedOperationMessage {
  const operationId = operationIdSchema.safeParse((body as { operationId?: unknown } | null)?.operationId);
  const readableId = operationId.success ? { operationId: operationId.data } : {};
  try {
    const message = parsePayload(operationMessageSchema, body, Subject.OperationRequested);
    if (message.subscriptionId.toLowerCase() !== sessionId.toLowerCase()) {
      return { ok: false, reason: `The message names subscription ${message.subscriptionId} but came in session ${sessionId}.`, ...readableId };
    }
    return { ok: true, ...message };
  } catch (error) {
    return { ok: false, reason: (error as Error).message, ...readableId };
  }
}
