import { type PlannedOperation, type SubscriptionPlan, targetsOverlap } from '../workload/subscription-plan';
import { errorCodeOf, errorMessageOf, type GatewayAnswer, type GatewayClient, NoAnswerError } from './gateway-client';
import { pollToEnd, retryAfterMs, type PollSettings } from './operation-poller';
import type { OperationRecord } from './operation-record';

/** What every subscription's driver shares. */
export interface DriverContext {
  readonly client: GatewayClient;
  readonly poll: PollSettings;
  /** True once the run must issue nothing more (duration cap). */
  readonly stopIssuing: () => boolean;
  /** Called once per operation the gateway accepted. */
  readonly onAccepted: () => void;
  /** Called once per subscription when it has issued its last operation. */
  readonly onIssuingDone: () => void;
  /** Receives every record as soon as it is created. */
  readonly records: OperationRecord[];
}

interface Issued {
  readonly path: string;
  readonly ended: Promise<void>;
}

/**
 * Drives one subscription: issues its planned operations one after the other, the next only once
 * the gateway answered the previous (so their arrival order is known), and polls each accepted one
 * to its end in the background. An operation on a resource an unfinished earlier one touches waits
 * for that one to end first, as an ARM client would (the gateway would answer 409).
 */
export async function driveSubscription(plan: SubscriptionPlan, count: number, context: DriverContext): Promise<void> {
  const issued: Issued[] = [];
  for (let sequence = 0; sequence < count && !context.stopIssuing(); sequence++) {
    const operation = plan.next();
    await Promise.all(issued.filter((i) => targetsOverlap(i.path, operation.path)).map((i) => i.ended));
    if (context.stopIssuing()) break;
    const record: OperationRecord = {
      subscriptionId: plan.subscriptionId,
      sequence,
      kind: operation.kind,
      method: operation.method,
      path: operation.path,
      issuedAt: Date.now(),
    };
    context.records.push(record);
    const answer = await issue(context, operation, record);
    if (answer === undefined) continue;
    const ended = follow(context, answer, record);
    issued.push({ path: operation.path, ended });
  }
  context.onIssuingDone();
  await Promise.all(issued.map((i) => i.ended));
}

async function issue(context: DriverContext, operation: PlannedOperation, record: OperationRecord): Promise<GatewayAnswer | undefined> {
  try {
    const answer = await context.client.send(operation);
    record.sentAt = answer.sentAt;
    record.answeredAt = answer.receivedAt;
    record.httpStatus = answer.status;
    return answer;
  } catch (error) {
    if (!(error instanceof NoAnswerError)) throw error;
    record.answeredAt = Date.now();
    record.errorCode = error.code;
    return undefined;
  }
}

/** Accepted (with an Azure-AsyncOperation URL): poll it; 2xx without one: done; else an error by code. */
async function follow(context: DriverContext, answer: GatewayAnswer, record: OperationRecord): Promise<void> {
  const statusUrl = answer.headers.get('azure-asyncoperation');
  if (answer.status >= 200 && answer.status < 300 && statusUrl !== null) {
    record.operationId = new URL(statusUrl).pathname.split('/').pop();
    record.status = 'Requested';
    context.onAccepted();
    await pollToEnd(context.client, statusUrl, record, context.poll, context.poll.pollMs ?? retryAfterMs(answer) ?? 1000);
  } else if (answer.status >= 200 && answer.status < 300) {
    record.status = 'Succeeded';
    record.terminalAt = answer.receivedAt;
  } else {
    record.errorCode = errorCodeOf(answer);
    record.errorMessage = errorMessageOf(answer);
  }
}
