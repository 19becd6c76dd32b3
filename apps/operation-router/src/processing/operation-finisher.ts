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
import type { OperationRun } from './operation-resource';
import { OperationTransitions } from './operation-transitions';
import { OperationStore } from './operation-store';
import { ResourceStateUpdater } from './resource-state.updater';

/** How an operation ends. */
export type OperationOutcome =
  | { readonly status: OperationStatus.Completed }
  | { readonly status: OperationStatus.Failed; readonly error: unknown }
  | { readonly status: OperationStatus.Canceled; readonly reason: string };

/**
 * Ends operations: the terminal status with its times and `exceptionDetails`, the resource's
 * state and the CompletedOperationDocument in one write (OperationTransitions), conditional on
 * the versions read, so two replicas never both finish one. ARM (and its clients) read the
 * resource as soon as the operation status is terminal: a status Succeeded beside a resource still
 * Creating made a child create right after it fail with ParentResourceNotProvisioned, which the
 * single write rules out. {@link ensureFinished} repairs an operation ended by a router version
 * that wrote those three separately and crashed in between.
 */
@Injectable()
export class OperationFinisher {
  private readonly logger = new Logger(OperationFinisher.name);

  constructor(
    private readonly store: OperationStore,
    private readonly resources: ResourceStateUpdater,
    private readonly transitions: OperationTransitions,
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
  ) {}

  /** Moves the operation to its terminal status; returns the stored version, or undefined when another replica ended it first. */
  async finish(operation: OperationDocument, outcome: OperationOutcome): Promise<OperationDocument | undefined> {
    return this.finishRun({ operation, resource: await this.resources.resourceOf(operation) }, outcome);
  }

  /** Like {@link finish}, with the resource version the run holds (read or written by it). */
  async finishRun(run: OperationRun, outcome: OperationOutcome): Promise<OperationDocument | undefined> {
    const ended = await this.transitions.apply(run, (current, now) => terminal(current, outcome, now));
    if (ended === undefined) {
      this.logger.warn(`Operation ${run.operation.id} was already ended elsewhere; not finishing it again`);
      const stored = await this.store.load(run.operation.subscriptionId, run.operation.id);
      if (stored !== undefined) await this.ensureFinished(stored);
      return undefined;
    }
    const { operation } = ended;
    this.logger.log(`Operation ${operation.id} ${OperationStatus[operation.provisioningStatus]} after ${operation.attemptCount} attempt(s)`);
    recordOperationEnded(operation);
    return operation;
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
