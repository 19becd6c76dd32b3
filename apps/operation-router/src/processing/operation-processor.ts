import { Inject, Injectable, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import {
  isTerminalStatus,
  OPERATION_REPOSITORY,
  OperationStatus,
  recordAttemptFailure,
  startOperationAttempt,
  type OperationDocument,
  type OperationHandler,
  type OperationRepository,
} from '@iomt/domain';
import { runWithLogFields, TelemetryAttribute } from '@iomt/service-kit';
import { chooseCommand, OPERATION_HANDLERS } from '../handlers/operation-handlers';
import type { RouterCommand } from '../handlers/router-command';
import { isSupersededCreate, SUPERSEDED_REASON } from './cancel-rule';
import { COMMAND_DISPATCHER, type CommandDispatcher } from './command-dispatcher';
import { nextOperationBefore } from './enqueue-order';
import { OperationFinisher, type OperationOutcome } from './operation-finisher';
import { isInterruption } from './operation-interrupted.error';
import { recordOperationStarted } from './operation-metrics';
import { inOperationTrace } from './operation-trace';
import type { OperationRun } from './operation-resource';
import { OperationStore } from './operation-store';
import { OperationTransitions } from './operation-transitions';
import { ProgressWriter } from './progress-writer';
import { ResourceStateUpdater } from './resource-state.updater';
import { backoffDelayMs, delay, isRetryable } from './retry-policy';
import { ROUTER_SETTINGS, type RouterSettings } from './router-settings';
import type { OperationDelivery, ProcessingResult } from './operation-delivery';

export type { OperationDelivery, ProcessingResult } from './operation-delivery';

/**
 * Carries one operation from its document to a terminal status (seed 004 "Processing";
 * ARCHITECTURE.md invariants 1-2), after the unfinished operations of its subscription enqueued
 * before it: skip it when missing or terminal, cancel a create superseded
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
    private readonly transitions: OperationTransitions,
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(OPERATION_HANDLERS) private readonly handlers: readonly OperationHandler[],
    @Inject(COMMAND_DISPATCHER) private readonly dispatcher: CommandDispatcher,
    @Inject(ROUTER_SETTINGS) private readonly settings: RouterSettings,
  ) {}

  /**
   * Processes the operation a message names, after every unfinished operation of its subscription
   * enqueued before it (see {@link processInOrder}); each runs in a span of its own trace (the
   * message's context, or the admission span the document names when the message carried another or none).
   */
  async process(delivery: OperationDelivery): Promise<ProcessingResult> {
    return this.processInOrder(delivery);
  }

  /**
   * Invariant 1 by enqueue order, not message order: a message may arrive before the message of an
   * operation enqueued earlier (concurrent admissions, a publication the sweeper repeats later).
   * Each unfinished operation enqueued before the target runs first, exactly as its own delivery
   * would run it (its attempts counted in its document; its own message, later, finds it terminal).
   * The listing of the subscription's unfinished operations is read once per operation run: it
   * holds the target too (no separate read unless it is terminal or missing), and the cancel rule reuses it.
   */
  private async processInOrder(delivery: OperationDelivery): Promise<ProcessingResult> {
    const { subscriptionId, operationId } = delivery;
    const ranAhead = new Set<string>();
    for (;;) {
      const pending = (await this.operations.listNonTerminal(subscriptionId)).items;
      const target = pending.find((op) => op.id === operationId) ?? (await this.store.load(subscriptionId, operationId));
      if (target === undefined) {
        this.logger.warn(`Operation ${operationId} of subscription ${subscriptionId} does not exist; skipping`);
        return 'missing';
      }
      // A duplicate message, or a replica that died after ending it: finish what may be missing.
      if (isTerminalStatus(target.provisioningStatus)) return inOperationTrace(target, () => this.processLoaded(target, delivery, []));
      const earlier = nextOperationBefore(target, pending);
      if (earlier === undefined) return inOperationTrace(target, () => this.processLoaded(target, delivery, pending));
      // Never loop on a listing that keeps showing an operation this delivery already ended.
      if (ranAhead.has(earlier.id)) throw new Error(`Operation ${earlier.id} is still listed unfinished after it ran; retrying the delivery`);
      ranAhead.add(earlier.id);
      this.logger.log(`Operation ${earlier.id} was enqueued before ${target.id} and is unfinished: running it first`);
      const run = () => inOperationTrace(earlier, () => this.processLoaded(earlier, delivery, pending));
      const result = await runWithLogFields({ operationId: earlier.id }, run);
      this.logger.log(`Operation ${earlier.id} (ahead of ${target.id}): ${result}`);
    }
  }

  /** Runs one operation as its own delivery would; `pending` is a fresh listing of its subscription's unfinished operations. */
  private async processLoaded(operation: OperationDocument, delivery: OperationDelivery, pending: readonly OperationDocument[]): Promise<ProcessingResult> {
    if (isTerminalStatus(operation.provisioningStatus)) {
      await this.finisher.ensureFinished(operation);
      return 'skipped';
    }
    // Read once per run: the cancel rule, the handler chain and the state writes all use this version.
    const run: OperationRun = { operation, resource: await this.resources.resourceOf(operation) };
    if (isSupersededCreate(operation, pending, { exists: run.resource !== undefined, state: run.resource?.state })) {
      const ended = await this.finisher.finishRun(run, { status: OperationStatus.Canceled, reason: SUPERSEDED_REASON });
      return ended === undefined ? 'skipped' : 'canceled';
    }
    return this.runAttempts(run, delivery);
  }

  /** Fails the operation a poison message names (when it exists and is not terminal). */
  async failPoisoned(subscriptionId: string, operationId: string, reason: string): Promise<void> {
    const operation = await this.store.load(subscriptionId, operationId);
    if (operation === undefined) return;
    if (isTerminalStatus(operation.provisioningStatus)) return this.finisher.ensureFinished(operation);
    await this.finisher.finish(operation, { status: OperationStatus.Failed, error: reason });
  }

  /**
   * On a message's last delivery: when an unfinished operation enqueued before the one it names
   * is what the earlier deliveries ran (and did not get past), that operation is the poison: it is
   * Failed with `reason` and its id returned. Undefined when nothing earlier is unfinished.
   */
  async failEarlierBlocker(subscriptionId: string, operationId: string, reason: string): Promise<string | undefined> {
    const target = await this.store.load(subscriptionId, operationId);
    if (target === undefined || isTerminalStatus(target.provisioningStatus)) return undefined;
    const blocker = nextOperationBefore(target, (await this.operations.listNonTerminal(subscriptionId)).items);
    if (blocker === undefined) return undefined;
    await this.finisher.finish(blocker, { status: OperationStatus.Failed, error: reason });
    return blocker.id;
  }

  private async runAttempts(initial: OperationRun, delivery: OperationDelivery): Promise<ProcessingResult> {
    const { signal } = delivery;
    let run = initial;
    for (;;) {
      const { operation } = run;
      if (operation.attemptCount >= this.settings.maxAttempts) {
        // Attempts were used up by earlier deliveries (e.g. a replica died during the last one).
        const why = operation.exceptionDetails ?? 'no attempt completed';
        return this.end(run, { status: OperationStatus.Failed, error: `Gave up after ${operation.attemptCount} attempts: ${why}` });
      }
      // Running and the resource's in-progress state in one write.
      const started = await this.transitions.apply(run, startOperationAttempt);
      if (started === undefined) return 'skipped';
      const running = started.operation;
      if (running.attemptCount === 1) recordOperationStarted(running);
      trace.getActiveSpan()?.setAttribute(TelemetryAttribute.OperationAttempt, running.attemptCount);
      const choice = await chooseCommand(this.handlers, running, { resource: started.resource }).then(
        (command) => ({ command }),
        (error: unknown) => ({ error }),
      );
      const progress = new ProgressWriter(this.store, running, this.settings.progressIntervalMs);
      const failure = await this.attempt(running, delivery, progress, choice);
      // Finish on top of the progress written meanwhile (its ETag), once those writes are done.
      const current: OperationRun = { operation: await progress.settled(), resource: started.resource };
      if (failure === undefined) return this.end(current, { status: OperationStatus.Completed });
      if (!isRetryable(failure.error) || current.operation.attemptCount >= this.settings.maxAttempts) {
        return this.end(current, { status: OperationStatus.Failed, error: failure.error });
      }
      this.logger.warn(`Operation ${running.id} attempt ${running.attemptCount} failed; retrying`);
      const noted = await this.store.updateUnlessTerminal(current.operation, (op, now) => recordAttemptFailure(op, failure.error, now));
      if (noted === undefined) return 'skipped';
      const { retryBaseDelayMs, retryMaxDelayMs } = this.settings;
      await delay(backoffDelayMs(noted.attemptCount + 1, retryBaseDelayMs, retryMaxDelayMs), signal);
      run = { operation: noted, resource: started.resource };
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

  private async end(run: OperationRun, outcome: OperationOutcome): Promise<ProcessingResult> {
    const ended = await this.finisher.finishRun(run, outcome);
    if (ended === undefined) return 'skipped';
    return ended.provisioningStatus === OperationStatus.Completed ? 'completed' : 'failed';
  }
}
