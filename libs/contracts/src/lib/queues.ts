/**
 * Service Bus queues of the system (ARCHITECTURE.md "Service Bus entities"). Every queue is
 * session-enabled; `SESSION_KEY_BY_QUEUE` says which payload field is the session id.
 */
export const QueueName = {
  /** Operations to run, one session per customer subscription: gateway, key-rotator, sweeper → router. */
  Operations: 'operations',
  /** FHIR service work: router → fhir-provisioner. */
  FhirCommands: 'fhir-commands',
  /** IoMT connector, mapping and connection work: router → iomt-provisioner. */
  IomtCommands: 'iomt-commands',
  /** Key rotation work: router → key-rotator. */
  KeyRotationCommands: 'key-rotation-commands',
  /** Replies and progress of workers, one session per operation (`replyToSessionId`): workers → router. */
  OperationReplies: 'operation-replies',
} as const;

/** One of the `QueueName` values. */
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/**
 * The payload field whose value is the session id on each queue. A subscription's session gives
 * invariant 1 (one operation of a subscription at a time, in order); replies are grouped per
 * operation so the router can wait on exactly one operation's session.
 */
export const SESSION_KEY_BY_QUEUE: Readonly<Record<QueueName, 'subscriptionId' | 'operationId'>> = {
  [QueueName.Operations]: 'subscriptionId',
  [QueueName.FhirCommands]: 'subscriptionId',
  [QueueName.IomtCommands]: 'subscriptionId',
  [QueueName.KeyRotationCommands]: 'subscriptionId',
  [QueueName.OperationReplies]: 'operationId',
};

/** The session id a payload travels in on `queue`: its subscription id, or its operation id for replies. */
export function sessionIdFor(queue: QueueName, payload: { subscriptionId: string; operationId: string }): string {
  return payload[SESSION_KEY_BY_QUEUE[queue]];
}
