import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CLOCK,
  completeOperation,
  ConcurrencyConflictError,
  ConflictError,
  isTerminalStatus,
  OPERATION_REPOSITORY,
  provisioningStateOf,
  type Clock,
  type OperationRepository,
  type OperationTransition,
} from '@iomt/domain';
import { resourceAfter, type OperationResource, type OperationRun } from './operation-resource';
import type { OperationChange } from './operation-store';
import { OperationStore } from './operation-store';
import { ResourceStateUpdater } from './resource-state.updater';

/** Bounds reload-and-retry on ETag conflicts; only another writer (a replica, the gateway, a worker) can cause one. */
const MAX_CONFLICT_RETRIES = 5;

/**
 * Moves an operation to its next status together with what follows from it, in one write
 * (`OperationRepository.writeTransition`): its resource's state, and for a terminal status the
 * archive record. One batch instead of a write each, and atomic: no reader ever sees a terminal
 * operation beside a resource still Creating or without its archive record. Writes are
 * conditional on the versions the run holds; a lost race reloads both and re-applies the change,
 * which may then find nothing left to do (another replica ended the operation).
 */
@Injectable()
export class OperationTransitions {
  private readonly logger = new Logger(OperationTransitions.name);

  constructor(
    private readonly store: OperationStore,
    private readonly resources: ResourceStateUpdater,
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Applies `change` to the run's operation unless it is terminal; writes the resource state the new
   * version implies and, when it is terminal, its archive record. Returns the stored run, or
   * undefined when the (re-applied) change found nothing to do or the operation vanished.
   */
  async apply(run: OperationRun, change: OperationChange): Promise<OperationRun | undefined> {
    let current = run;
    let archive = true;
    for (let attempt = 0; ; attempt += 1) {
      const next = isTerminalStatus(current.operation.provisioningStatus) ? undefined : change(current.operation, this.clock.now());
      if (next === undefined) return undefined;
      const moved = current.resource === undefined ? undefined : resourceAfter(current.resource, next);
      const transition: OperationTransition = {
        operation: next,
        ifMatch: current.operation._etag ?? '*',
        ...(moved === undefined ? {} : { resource: { entity: moved, ifMatch: current.resource?._etag ?? '*' } }),
        ...(archive && isTerminalStatus(next.provisioningStatus) ? { completed: completeOperation(next) } : {}),
      };
      try {
        const written = await this.operations.writeTransition(transition);
        if (moved !== undefined) this.logger.log(`Operation ${next.id}: resource ${moved.name} is ${provisioningStateOf(moved.state)}`);
        return { operation: written.operation, resource: (written.resource as OperationResource | undefined) ?? current.resource };
      } catch (error) {
        if (error instanceof ConflictError && transition.completed !== undefined) {
          // Archived by a router version that ended operations in three writes: keep that record.
          archive = false;
          continue;
        }
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        const reloaded = await this.reload(current);
        if (reloaded === undefined) return undefined;
        current = reloaded;
      }
    }
  }

  private async reload(run: OperationRun): Promise<OperationRun | undefined> {
    const operation = await this.store.load(run.operation.subscriptionId, run.operation.id);
    if (operation === undefined) return undefined;
    return { operation, resource: await this.resources.resourceOf(operation) };
  }
}
