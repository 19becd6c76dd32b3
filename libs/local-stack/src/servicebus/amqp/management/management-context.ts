import type { Message } from 'rhea';
import { BrokerError, Condition } from '../../broker/broker-error';
import type { MessageEntity } from '../../broker/message-entity';
import type { NamespaceBroker } from '../../broker/namespace-broker';
import type { SendTarget } from '../../broker/send-target';
import type { Reply } from '../request-response';

/** A $management request bound to the entity of the link it arrived on. */
export interface ManagementRequest {
  readonly broker: NamespaceBroker;
  /** The entity path: the link address without `/$management`. */
  readonly entityPath: string;
  readonly body: Record<string, unknown>;
  readonly message: Message;
}

export type ManagementOperation = (request: ManagementRequest) => Reply;

export const OK: Reply = { statusCode: 200, statusDescription: 'OK', body: {} };

/** The queue, subscription or dead-letter queue the request is about. */
export function receivableOf(request: ManagementRequest): MessageEntity {
  return request.broker.receivable(request.entityPath);
}

/** The queue or topic the request is about (schedule and cancel). */
export function sendTargetOf(request: ManagementRequest): SendTarget {
  return request.broker.sendTarget(request.entityPath);
}

/** A required field of the request body, or an argument error naming it. */
export function required<T>(request: ManagementRequest, field: string): T {
  const value = request.body[field];
  if (value === undefined || value === null) {
    throw new BrokerError(Condition.argumentError, `The $management request is missing '${field}'.`);
  }
  return value as T;
}

/** An array field (AMQP array or list) of the request body. */
export function requiredArray(request: ManagementRequest, field: string): unknown[] {
  const value = required<unknown>(request, field);
  if (!Array.isArray(value)) throw new BrokerError(Condition.argumentError, `'${field}' must be an array.`);
  return value;
}

/** The session id of the request, if any. */
export function sessionIdOf(request: ManagementRequest): string | undefined {
  const value = request.body['session-id'];
  return typeof value === 'string' ? value : undefined;
}
