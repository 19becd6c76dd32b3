/**
 * Span attribute and log field names shared by the services, so a trace and a log line of the
 * same operation can be joined on them. Attributes follow OpenTelemetry's dotted style; log
 * fields the camelCase of the stored documents.
 */
export const TelemetryAttribute = {
  OperationId: 'iomt.operation.id',
  OperationType: 'iomt.operation.type',
  OperationAttempt: 'iomt.operation.attempt',
  SubscriptionId: 'iomt.subscription.id',
  ResourceId: 'iomt.resource.id',
  CommandSubject: 'iomt.command.subject',
  ClientRequestId: 'http.request.header.x-ms-client-request-id',
  CorrelationRequestId: 'http.request.header.x-ms-correlation-request-id',
} as const;

/**
 * W3C baggage entry carrying ARM's `x-ms-correlation-request-id` from the gateway's request to the
 * router and the workers (through Service Bus application properties), since the operation
 * document has no field for it.
 */
export const CORRELATION_BAGGAGE_KEY = 'x-ms-correlation-request-id';

/** Fields every log line written on behalf of an operation carries (see `runWithLogFields`). */
export interface OperationLogFields {
  readonly operationId?: string;
  readonly subscriptionId?: string;
  /** ARM's `x-ms-correlation-request-id` of the request that started the operation, when known. */
  readonly correlationRequestId?: string;
  /** ARM's `x-ms-client-request-id`, when known. */
  readonly clientRequestId?: string;
}

/**
 * Histogram buckets for durations in seconds: the semantic conventions' HTTP ones, extended to
 * 5 minutes for operations (the SDK's default buckets suit milliseconds).
 */
export const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 300];
