import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  cancelOperation,
  completeOperation,
  failOperation,
  isTerminalStatus,
  OPERATION_REPOSITORY,
  OperationStatus,
  succeedOperation,
  type OperationDocument,
  type OperationRepository,
} from '@iomt/domain';
import { recordOperationEnded } from './operation-metrics';
import { OperationStore } from './operation-store';
import { ResourceStateUpdater } from './resource-state.updater';

/** How an operation ends. */
export type OperationOutcome =
  | { readonly status: OperationStatus.Completed }
  | { readonly status: OperationStatus.Failed; readonly error: unknown }
  | { readonly status: OperationStatus.Canceled; readonly reason: string };

/**
 * Ends operations: the resource's state first, then the terminal status with its times and
 * `exceptionDetails` (ETag-guarded, so two replicas never both finish one), then the
 * CompletedOperationDocument. The resource goes first because ARM (and its clients) read the
 * resource as soon as the operation status is terminal: a status Succeeded beside a resource still
 * Creating made a child create right after it fail with ParentResourceNotProvisioned. Each step is
 * idempotent, so {@link ensureFinished} can redo the resource and archive for an operation a
 * crashed replica left terminal but not yet archived.
 */
@Injectable()
export class OperationFinisher {
  private readonly logger = new Logger(OperationFinisher.name);

  constructor(
    private readonly store: OperationStore,
    private readonly resources: ResourceStateUpdater,
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
  ) {}

  /** Moves the operation to its terminal status; returns the stored version, or undefined when another replica ended it first. */
  async finish(operation: OperationDocument, outcome: OperationOutcome): Promise<OperationDocument | undefined> {
    // The resource state depends only on the operation's type and terminal status, known already.
    await this.resources.apply(terminal(operation, outcome, new Date()));
    const ended = await this.store.updateUnlessTerminal(operation, (current, now) => terminal(current, outcome, now));
    if (ended === undefined) {
      this.logger.warn(`Operation ${operation.id} was already ended elsewhere; not finishing it again`);
      // Whoever ended it decides the resource's state, should its outcome differ from ours.
      const stored = await this.store.load(operation.subscriptionId, operation.id);
      if (stored !== undefined) await this.ensureFinished(stored);
      return undefined;
    }
    this.logger.log(`Operation ${ended.id} ${OperationStatus[ended.provisioningStatus]} after ${ended.attemptCount} attempt(s)`);
    recordOperationEnded(ended);
    await this.operations.writeCompleted(completeOperation(ended));
    return ended;
  }

  /** Writes what follows a terminal status (resource state, archive record); a no-op when already written. */
  async ensureFinished(operation: OperationDocument): Promise<void> {
    if (!isTerminalStatus(operation.provisioningStatus)) return;
    await this.resources.apply(operation);
    await this.operations.writeCompleted(completeOperation(operation));
  }
}

function terminal(operation: OperationDocument, outcome: OperationOutcome, now: Date): OperationDocument {
  switch (outcome.status) {
    case OperationStatus.Completed:
      return succeedOperation(operation, now);
    case OperationStatus.Failed:
      return failOperation(operation, outcome.error, now);
    case OperationStatus.Canceled:
      return cancelOperation(operation, now, outcome.reason);
  }
}
