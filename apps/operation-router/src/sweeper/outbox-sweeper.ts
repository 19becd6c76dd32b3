import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CLOCK,
  OPERATION_PUBLISHER,
  OPERATION_REPOSITORY,
  type Clock,
  type OperationPublisher,
  type OperationRepository,
} from '@iomt/domain';
import { failureMessage } from '@iomt/messaging';
import { operationParentContext, runWithLogFields } from '@iomt/service-kit';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';

/** Settings of the {@link OutboxSweeper}. */
export interface SweeperSettings {
  /** How often a sweep runs. */
  readonly intervalMs: number;
  /** How long an operation may stay Requested before it is re-published. */
  readonly graceMs: number;
}

/** DI token of {@link SweeperSettings}. */
export const SWEEPER_SETTINGS = Symbol('SWEEPER_SETTINGS');

/** Most operations re-published per sweep; the rest wait for the next one. */
const MAX_PER_SWEEP = 500;

/**
 * The transactional outbox's relay (ARCHITECTURE.md invariant 3): re-publishes operations still
 * Requested past the grace period, because the gateway's publish failed after it wrote them, or
 * the broker lost the message. The message id is the operation id, so the broker's duplicate
 * detection drops a re-publication inside its window; outside it, a duplicate is harmless: the
 * router skips a terminal operation, and a Running one is only ever picked up by the replica that
 * holds the subscription's session, one message at a time (the document's attempts and ETag
 * decide what remains to do).
 */
@Injectable()
export class OutboxSweeper {
  private readonly logger = new Logger(OutboxSweeper.name);

  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(OPERATION_PUBLISHER) private readonly publisher: OperationPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SWEEPER_SETTINGS) private readonly settings: SweeperSettings,
  ) {}

  /** Runs one sweep; returns how many operations it re-published. */
  async sweep(signal?: AbortSignal): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.settings.graceMs);
    let published = 0;
    let continuationToken: string | undefined;
    do {
      const page = await this.operations.listRequestedBefore(cutoff, { continuationToken, signal });
      for (const operation of page.items) {
        if (published >= MAX_PER_SWEEP) return published;
        try {
          // In the operation's own trace (its admission span), not in a trace of the sweep.
          const fields = { operationId: operation.id, subscriptionId: operation.subscriptionId };
          const publish = () => this.publisher.publish(fields, { signal });
          await context.with(operationParentContext(operation, ROOT_CONTEXT), () => runWithLogFields(fields, publish));
          published += 1;
        } catch (error) {
          // One refused publish must not starve the others; the next sweep tries it again.
          this.logger.warn(`Could not re-publish operation ${operation.id}: ${failureMessage(error)}`);
        }
      }
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    if (published > 0) this.logger.log(`Re-published ${published} operation(s) left Requested since before ${cutoff.toISOString()}`);
    return published;
  }
}
