import { Inject, Injectable } from '@nestjs/common';
import {
  CLOCK,
  ConcurrencyConflictError,
  isTerminalStatus,
  OPERATION_REPOSITORY,
  type Clock,
  type OperationDocument,
  type OperationRepository,
} from '@iomt/domain';

/** A change of an operation: the new version, or undefined when there is nothing to do any more. */
export type OperationChange = (operation: OperationDocument, now: Date) => OperationDocument | undefined;

/** Bounds reload-and-retry on ETag conflicts; only another replica's write can cause one. */
const MAX_CONFLICT_RETRIES = 5;

/**
 * Reads and writes operations under optimistic concurrency (ARO-RP's `PatchWithLease` idea):
 * every write names the `_etag` it read; a lost race reloads the document and re-applies the
 * change to the fresh version, which may then decide there is nothing left to do (e.g. another
 * replica finished the operation).
 */
@Injectable()
export class OperationStore {
  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The operation, or undefined when it does not exist. */
  load(subscriptionId: string, operationId: string): Promise<OperationDocument | undefined> {
    return this.operations.get(subscriptionId, operationId);
  }

  /**
   * Applies `change` to `operation` and writes it with `ifMatch`; returns the stored version, or
   * undefined when the change (re-applied after a lost race) found nothing to do or the document vanished.
   */
  async update(operation: OperationDocument, change: OperationChange): Promise<OperationDocument | undefined> {
    let current: OperationDocument | undefined = operation;
    for (let attempt = 0; current !== undefined; attempt += 1) {
      const next = change(current, this.clock.now());
      if (next === undefined) return undefined;
      try {
        return await this.operations.update(next, { ifMatch: current._etag ?? '*' });
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        current = await this.load(operation.subscriptionId, operation.id);
      }
    }
    return undefined;
  }

  /** Like {@link update}, but does nothing to (and returns undefined for) an operation already terminal. */
  updateUnlessTerminal(operation: OperationDocument, change: OperationChange): Promise<OperationDocument | undefined> {
    return this.update(operation, (current, now) => (isTerminalStatus(current.provisioningStatus) ? undefined : change(current, now)));
  }
}
