import type { Clock, NewOperationContext } from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';

/** What every new operation of a request carries: now, the trace ids, the region it runs in. */
export function newOperationContext(arm: ArmRequest, clock: Clock, primaryRegionName: string): NewOperationContext {
  return {
    now: clock.now(),
    primaryRegionName,
    ...(arm.trace.rootId === undefined ? {} : { loggingRootId: arm.trace.rootId }),
    ...(arm.trace.parentId === undefined ? {} : { loggingParentId: arm.trace.parentId }),
  };
}
