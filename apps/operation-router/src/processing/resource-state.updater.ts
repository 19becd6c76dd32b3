import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  ConcurrencyConflictError,
  DocumentType,
  provisioningStateOf,
  resourceStateFor,
  type AccountRegistryManagementRepository,
  type OperationDocument,
} from '@iomt/domain';
import { loadOperationResource, resourceAfter, type OperationResource } from './operation-resource';

const MAX_CONFLICT_RETRIES = 5;

/**
 * Moves the operation's resource to the `ResourceState` (and so the ARM `provisioningState`) its
 * operation's status implies, on its own: for repairs of operations ended before their resource
 * was written (runs write both in one batch: OperationTransitions). Idempotent: a resource already
 * in that state, or gone (a deprovisioned connector is soft-deleted by its worker), is left alone.
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
    if (resourceStateFor(operation.provisioningOperation, operation.provisioningStatus) === undefined) return;
    for (let attempt = 0; ; attempt += 1) {
      const resource = await this.resourceOf(operation);
      const moved = resource === undefined ? undefined : resourceAfter(resource, operation);
      if (moved === undefined) return;
      try {
        await this.write(moved, resource?._etag);
        this.logger.log(`Operation ${operation.id}: resource ${moved.name} is ${provisioningStateOf(moved.state)}`);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  private async write(resource: OperationResource, etag: string | undefined): Promise<void> {
    const options = etag === undefined ? {} : { ifMatch: etag };
    if (resource.type === DocumentType.Account) await this.registry.upsertAccount(resource, options);
    else await this.registry.upsertChildResource(resource, options);
  }
}
