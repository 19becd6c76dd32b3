import { ConflictError, isTerminalProvisioningState, provisioningStateOf, ResourceState } from '@iomt/domain';

/**
 * 409 when the resource is still in a non-terminal state (arm-rpc.md §1.7: PUT, PATCH, POST and a
 * second DELETE wait for the running operation), even if its operation is already gone from the
 * queue: the state says the work is not settled.
 */
export function assertResourceSettled(state: ResourceState, resourceId: string): void {
  const provisioningState = provisioningStateOf(state);
  if (state === ResourceState.Deprovisioned || isTerminalProvisioningState(provisioningState)) return;
  throw new ConflictError(
    `The resource '${resourceId}' is ${provisioningState}; retry when its operation has ended.`,
    { target: resourceId },
  );
}

/** A deprovisioned resource whose document is not deleted yet is gone as far as ARM is concerned. */
export function liveResource<T extends { readonly state: ResourceState }>(resource: T | undefined): T | undefined {
  return resource === undefined || resource.state === ResourceState.Deprovisioned ? undefined : resource;
}
