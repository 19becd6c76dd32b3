import type { Clock, NewOperationContext } from '@iomt/domain';
import { traceIdsOfActiveSpan } from '@iomt/service-kit';
import type { ArmRequest } from '../arm/arm-request';

/**
 * What every new operation of a request carries: now, the trace ids, the region it runs in, and
 * who asked for it (the caller ARM named, so only they can poll it; arm-rpc.md §1.5). The
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
    ...(arm.caller === undefined ? {} : { initiator: arm.caller }),
  };
}

/**
 * The request as the system's own: operations it starts record no initiator, so anyone authorised
 * for the subscription can poll them. For what the system does on a caller's behalf without the
 * caller asking for that operation (a deleted subscription's cascade, an operator's rotation).
 */
export function asSystemRequest(arm: ArmRequest): ArmRequest {
  return { ...arm, caller: undefined };
}
