import type { Clock, NewOperationContext } from '@iomt/domain';
import { traceIdsOfActiveSpan } from '@iomt/service-kit';
import type { ArmRequest } from '../arm/arm-request';

/**
 * What every new operation of a request carries: now, the trace ids, the region it runs in. The
 * trace ids are the request's server span (its trace continues ARM's `traceparent`), so the
 * router and workers can continue the operation's trace from the document; with telemetry
 * disabled, ARM's own ids.
 */
export function newOperationContext(arm: ArmRequest, clock: Clock, primaryRegionName: string): NewOperationContext {
  const active = traceIdsOfActiveSpan();
  const rootId = active.loggingRootId ?? arm.trace.rootId;
  const parentId = active.loggingParentId ?? arm.trace.parentId;
  return {
    now: clock.now(),
    primaryRegionName,
    ...(rootId === undefined ? {} : { loggingRootId: rootId }),
    ...(parentId === undefined ? {} : { loggingParentId: parentId }),
  };
}
