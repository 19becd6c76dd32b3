import { Inject, Injectable, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import {
  isTerminalStatus,
  OPERATION_REPOSITORY,
  OperationStatus,
  OperationType,
  recordAttemptFailure,
  startOperationAttempt,
  type OperationDocument,
  type OperationHandler,
  type OperationRepository,
} from '@iomt/domain';
import { inOperationSpan, operationParentContext, TelemetryAttribute } from '@iomt/service-kit';
import { chooseCommand, OPERATION_HANDLERS } from '../handlers/operation-handlers';
import type { RouterCommand } from '../handlers/router-command';
import { isSupersededCreate, maySupersede, SUPERSEDED_REASON } from './cancel-rule';
import { COMMAND_DISPATCHER, type CommandDispatcher } from './command-dispatcher';
import { OperationFinisher } from './operation-finisher';
import { isInterruption } from './operation-interrupted.error';
import { recordOperationStarted } from './operation-metrics';
import { OperationStore } from './operation-store';
import { ProgressWriter } from './progress-writer';
import { ResourceStateUpdater } from './resource-state.updater';
import { backoffDelayMs, delay, isRetryable } from './retry-policy';
import { ROUTER_SETTINGS, type RouterSettings } from './router-settings';
import type { OperationTiming } from './operation-timing';

/** What became of one `operation.requested` message. */
export type ProcessingResult = 'missing' | 'skipped' | 'completed' | 'failed' | 'canceled';

/** One delivery of an `operation.requested` message. */
export interface OperationDelivery {
  readonly subscriptionId: string;
  readonly operationId: string;
  /** Aborts on shutdown: the processor stops waiting and throws `OperationInterruptedError`. */
  readonly signal: AbortSignal;
  /** Counts the time spent waiting for workers, when the caller wants to know. */
  readonly timing?: OperationTiming;
}

/**
 * Carries one operation from its document to a terminal status (seed 004 "Processing";
 * ARCHITECTURE.md invariants 1-2): skip it when missing or terminal, cancel a create superseded
 * by a delete, otherwise run attempts (Running, attempt counted in the document) through the
 * handler chain and the worker, retrying retryable failures with backoff up to `maxAttempts`.
 * Because attempts are counted in the document, a redelivery after a crash continues the count.
 * Throws only when the router stops (`OperationInterruptedError`) or the Global DB fails; the
 * message is then abandoned and redelivered.
 */
@Injectable()
export class OperationProcessor {
  private readonly logger = new Logger(OperationProcessor.name);

  constructor(
    private readonly store: OperationStore,
    private readonly finisher: OperationFinisher,
    private readonly resources: ResourceStateUpdater,
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(OPERATION_HANDLERS) private readonly handlers: readonly OperationHandler[],
    @Inject(COMMAND_DISPATCHER) private readonly dispatcher: CommandDispatcher,
    @Inject(ROUTER_SETTINGS) private readonly settings: RouterSettings,
  ) {}

  /**
   * Processes the operation a message names, in a span of the operation's trace (the message's
   * context, or the admission span the document names when the message carried another or none).
   */
  async process(delivery: OperationDelivery): Promise<ProcessingResult> {
    const operation = await this.store.load(delivery.subscriptionId, delivery.operationId);
    if (operation === undefined) {
      this.logger.warn(`Operation ${delivery.operationId} of subscription ${delivery.subscriptionId} does not exist; skipping`);
      return 'missing';
    }
    const span = {
      fields: { operationId: operation.id, subscriptionId: operation.subscriptionId },
      attributes: { [TelemetryAttribute.OperationType]: OperationType[operation.provisioningOperation] ?? '' },
      parent: operationParentContext(operation),
    };
    return inOperationSpan(`operation ${OperationType[operation.provisioningOperation] ?? ''}`, span, async (active) => {
      const result = await this.processLoaded(operation, delivery);
      active.setAttribute('iomt.operation.result', result);
      return result;
    });
  }

  private async processLoaded(operation: OperationDocument, delivery: OperationDelivery): Promise<ProcessingResult> {
    if (isTerminalStatus(operation.provisioningStatus)) {
      // A duplicate message, or a replica that died after ending it: finish what may be missing.
      await this.finisher.ensureFinished(operation);
      return 'skipped';
    }
    if (await this.isSuperseded(operation)) {
      const ended = await this.finisher.finish(operation, { status: OperationStatus.Canceled, reason: SUPERSEDED_REASON });
      return ended === undefined ? 'skipped' : 'canceled';
    }
    return this.runAttempts(operation, delivery);
  }

  /** Fails the operation a poison message names (when it exists and is not terminal). */
  async failPoisoned(subscriptionId: string, operationId: string, reason: string): Promise<void> {
    const operation = await this.store.load(subscriptionId, operationId);
    if (operation === undefined) return;
    if (isTerminalStatus(operation.provisioningStatus)) return this.finisher.ensureFinished(operation);
    await this.finisher.finish(operation, { status: OperationStatus.Failed, error: reason });
  }

  private async isSuperseded(operation: OperationDocument): Promise<boolean> {
    if (!maySupersede(operation)) return false;
    // Independent reads: one round trip instead of two.
    const [resource, pending] = await Promise.all([this.resources.resourceOf(operation), this.operations.listNonTerminal(operation.subscriptionId)]);
    const snapshot = { exists: resource !== undefined, state: resource?.state };
    return isSupersededCreate(operation, pending.items, snapshot);
  }

  private async runAttempts(initial: OperationDocument, delivery: OperationDelivery): Promise<ProcessingResult> {
    const { signal } = delivery;
    let operation = initial;
    for (;;) {
      if (operation.attemptCount >= this.settings.maxAttempts) {
        // Attempts were used up by earlier deliveries (e.g. a replica died during the last one).
        const why = operation.exceptionDetails ?? 'no attempt completed';
        return this.end(operation, { status: OperationStatus.Failed, error: `Gave up after ${operation.attemptCount} attempts: ${why}` });
      }
      const running = await this.store.updateUnlessTerminal(operation, startOperationAttempt);
      if (running === undefined) return 'skipped';
      if (running.attemptCount === 1) recordOperationStarted(running);
      trace.getActiveSpan()?.setAttribute(TelemetryAttribute.OperationAttempt, running.attemptCount);
      // The handler chain reads what it needs while the resource's state is written; it never rejects.
      const choice = chooseCommand(this.handlers, running).then((command) => ({ command }), (error: unknown) => ({ error }));
      await this.resources.apply(running);
      const progress = new ProgressWriter(this.store, running);
      const failure = await this.attempt(running, delivery, progress, await choice);
      // Finish on top of the progress written meanwhile (its ETag), once those writes are done.
      const current = await progress.settled();
      if (failure === undefined) return this.end(current, { status: OperationStatus.Completed });
      if (!isRetryable(failure.error) || current.attemptCount >= this.settings.maxAttempts) {
        return this.end(current, { status: OperationStatus.Failed, error: failure.error });
      }
      this.logger.warn(`Operation ${current.id} attempt ${current.attemptCount} failed; retrying`);
      const noted = await this.store.updateUnlessTerminal(current, (op, now) => recordAttemptFailure(op, failure.error, now));
      if (noted === undefined) return 'skipped';
      const { retryBaseDelayMs, retryMaxDelayMs } = this.settings;
      await delay(backoffDelayMs(noted.attemptCount + 1, retryBaseDelayMs, retryMaxDelayMs), signal);
      operation = noted;
    }
  }

  /** Runs one attempt; returns its failure, or undefined on success. Rethrows interruptions. */
  private async attempt(
    operation: OperationDocument,
    { signal, timing }: OperationDelivery,
    progress: ProgressWriter,
    choice: { command: RouterCommand } | { error: unknown },
  ): Promise<{ error: unknown } | undefined> {
    if ('error' in choice) return choice;
    const { command } = choice;
    try {
      const dispatch = () => this.dispatcher.dispatch(command, operation.attemptCount, signal, (percent) => progress.report(percent));
      await (timing === undefined ? dispatch() : timing.waitForWorker(dispatch));
      return undefined;
    } catch (error) {
      if (isInterruption(error, signal)) throw error;
      return { error };
    }
  }

  private async end(
    operation: OperationDocument,
    outcome: Parameters<OperationFinisher['finish']>[1],
  ): Promise<ProcessingResult> {
    const ended = await this.finisher.finish(operation, outcome);
    if (ended === undefined) return 'skipped';
    return ended.provisioningStatus === OperationStatus.Completed ? 'completed' : 'failed';
  }
}
