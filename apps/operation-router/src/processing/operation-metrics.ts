import { OperationStatus, OperationType, type OperationDocument } from '@iomt/domain';
import { metrics, type Attributes } from '@opentelemetry/api';
import { SECONDS_BUCKETS, TelemetryAttribute } from '@iomt/service-kit';

/** Instrumentation scope of the router's meters. */
export const ROUTER_METER = '@iomt/operation-router';

/** Names of the operation metrics (OpenTelemetry names; Prometheus shows dots as underscores). */
export const OperationMetric = {
  Started: 'iomt.operations.started',
  Completed: 'iomt.operations.completed',
  Failed: 'iomt.operations.failed',
  Duration: 'iomt.operation.duration',
  QueuedDuration: 'iomt.operation.queued.duration',
} as const;

/** Counts an operation whose first attempt started, and records how long it waited since it was enqueued. */
export function recordOperationStarted(operation: OperationDocument): void {
  const meter = metrics.getMeter(ROUTER_METER);
  const attributes = attributesOf(operation);
  meter.createCounter(OperationMetric.Started, { unit: '{operation}', description: 'Operations whose first attempt started.' }).add(1, attributes);
  meter
    .createHistogram(OperationMetric.QueuedDuration, {
      unit: 's',
      description: 'Time from enqueue (admission) to the start of the first attempt.',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
    })
    .record(secondsBetween(operation.timeEnqueued, operation.timeLastUpdated), attributes);
}

/** Counts a completed or failed operation and records its duration from enqueue to end (canceled ones are not counted). */
export function recordOperationEnded(operation: OperationDocument): void {
  const status = operation.provisioningStatus;
  if (status !== OperationStatus.Completed && status !== OperationStatus.Failed) return;
  const meter = metrics.getMeter(ROUTER_METER);
  const attributes = attributesOf(operation);
  const counter = status === OperationStatus.Completed ? OperationMetric.Completed : OperationMetric.Failed;
  meter.createCounter(counter, { unit: '{operation}', description: `Operations ${OperationStatus[status].toLowerCase()}.` }).add(1, attributes);
  meter
    .createHistogram(OperationMetric.Duration, {
      unit: 's',
      description: 'Time from enqueue (admission) to the terminal status.',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
    })
    .record(secondsBetween(operation.timeEnqueued, operation.timeEnded ?? operation.timeLastUpdated), {
      ...attributes,
      'iomt.operation.status': OperationStatus[status],
    });
}

function attributesOf(operation: OperationDocument): Attributes {
  return {
    [TelemetryAttribute.OperationType]: OperationType[operation.provisioningOperation] ?? String(operation.provisioningOperation),
    'iomt.resource.type': operation.resourceTypeName,
  };
}

function secondsBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
}
