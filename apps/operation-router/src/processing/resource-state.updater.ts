import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  ConcurrencyConflictError,
  DocumentType,
  OperationType,
  provisioningStateOf,
  ResourceState,
  resourceStateFor,
  type AccountRegistryManagementRepository,
  type OperationDocument,
} from '@iomt/domain';
import { loadOperationResource, type OperationResource } from './operation-resource';

const MAX_CONFLICT_RETRIES = 5;

/**
 * Moves the operation's resource to the `ResourceState` (and so the ARM `provisioningState`) its
 * operation's status implies (domain `RESOURCE_STATE_BY_OPERATION`). Idempotent: a resource
 * already in that state, or gone (a deprovisioned connector is soft-deleted by its worker), is
 * left alone. Rotation, mapping and connection operations never touch it.
 */
@Injectable()
export class ResourceStateUpdater {
  private readonly logger = new Logger(ResourceStateUpdater.name);

  constructor(@Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository) {}

  /** The resource the operation is about, or undefined when it is absent or deleted. */
  resourceOf(operation: OperationDocument): Promise<OperationResource | undefined> {
    return loadOperationResource(this.registry, operation);
  }

  /** Writes the state the operation implies, reloading on ETag conflicts. */
  async apply(operation: OperationDocument): Promise<void> {
    const state = resourceStateFor(operation.provisioningOperation, operation.provisioningStatus);
    if (state === undefined) return;
    for (let attempt = 0; ; attempt += 1) {
      const resource = await this.resourceOf(operation);
      if (resource === undefined || resource.state === state || !mayMove(resource.state, operation.provisioningOperation)) return;
      try {
        await this.write(resource, state);
        this.logger.log(`Operation ${operation.id}: resource ${resource.name} is ${provisioningStateOf(state)}`);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  private async write(resource: OperationResource, state: ResourceState): Promise<void> {
    const options = resource._etag === undefined ? {} : { ifMatch: resource._etag };
    if (resource.type === DocumentType.Account) await this.registry.upsertAccount({ ...resource, state }, options);
    else await this.registry.upsertChildResource({ ...resource, state }, options);
  }
}

/**
 * A resource marked for deletion (the gateway set Deprovisioning with its DELETE) keeps that state
 * against anything but its Deprovision operation: a create canceled because of that DELETE must
 * not show Canceled while the deletion is pending.
 */
function mayMove(current: ResourceState, type: OperationType): boolean {
  if (current === ResourceState.Deprovisioned) return false;
  return current !== ResourceState.Deprovisioning || type === OperationType.Deprovision;
}
