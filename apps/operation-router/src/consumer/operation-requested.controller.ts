import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { failureMessage, type ServiceBusContext } from '@iomt/messaging';
import { runWithLogFields } from '@iomt/service-kit';
import { OperationProcessor } from '../processing/operation-processor';
import { OperationTiming } from '../processing/operation-timing';
import { ROUTER_SETTINGS, type RouterSettings } from '../processing/router-settings';
import { parseOperationMessage, type ParsedOperationMessage } from './operation-message';
import { RouterShutdown } from './router-shutdown';
import { keepSessionLock } from './session-lock-keeper';

/** Dead-letter reasons the router sets on `operations` messages. */
export const RouterDeadLetterReason = {
  InvalidMessage: 'InvalidMessage',
  MaxDeliveryCountReached: 'MaxDeliveryCountReached',
} as const;

/**
 * Consumes `operation.requested` from the `operations` sessions: one message of a subscription
 * at a time (the session), many subscriptions at once (the transport's concurrent sessions). It
 * settles every message itself, after the operation's document says how it ended:
 * complete when the operation ended (or needed nothing), abandon when the router stopped or the
 * Global DB failed (redelivered, resumed from the document), dead-letter a poison message after
 * marking its operation Failed. The processor first runs the subscription's unfinished operations
 * enqueued earlier, so on the last delivery the one that held the message up is the one Failed.
 */
@Controller()
export class OperationRequestedController {
  private readonly logger = new Logger(OperationRequestedController.name);

  constructor(
    private readonly processor: OperationProcessor,
    private readonly shutdown: RouterShutdown,
    @Inject(ROUTER_SETTINGS) private readonly settings: RouterSettings,
  ) {}

  @EventPattern(Subject.OperationRequested)
  async onOperationRequested(@Payload() body: unknown, @Ctx() context: ServiceBusContext): Promise<void> {
    const sessionId = context.getSessionId();
    const message = parseOperationMessage(body, sessionId);
    // Every line about this message names the operation and the subscription.
    return runWithLogFields({ operationId: message.operationId, subscriptionId: sessionId }, () => this.handle(message, context));
  }

  private async handle(message: ParsedOperationMessage, context: ServiceBusContext): Promise<void> {
    if (!message.ok) return this.poison(context, RouterDeadLetterReason.InvalidMessage, message.reason, message.operationId);
    // deliveryCount counts earlier deliveries: this is the last one the queue allows.
    const deliveries = (context.getMessage().deliveryCount ?? 0) + 1;
    if (deliveries >= this.settings.maxDeliveryCount) {
      const reason = `Operation message delivered ${deliveries} times (the queue's limit) without finishing.`;
      const blocker = await this.failEarlierBlocker(message.operationId, `${RouterDeadLetterReason.MaxDeliveryCountReached}: ${reason}`, context);
      if (blocker === null) return context.abandon().catch(() => undefined);
      if (blocker === undefined) return this.poison(context, RouterDeadLetterReason.MaxDeliveryCountReached, reason, message.operationId);
      // The earlier operation was the poison; this one still gets its last delivery.
    }
    const stopRenewing = keepSessionLock(context, this.settings.lockRenewalIntervalMs);
    try {
      const timing = new OperationTiming();
      const result = await this.processor.process({ ...message, signal: this.shutdown.signal, timing });
      await context.complete();
      this.logger.log(`Operation ${message.operationId}: ${result} ${timing.describe()}`);
    } catch (error) {
      this.logger.warn(`Operation ${message.operationId} interrupted: ${failureMessage(error)}; abandoning for redelivery`);
      await context.abandon().catch(() => undefined);
    } finally {
      stopRenewing();
    }
  }

  /**
   * The earlier deliveries may have been spent on an operation enqueued before this one (run
   * first, invariant 1): that one is Failed instead of this one. Its id; undefined when nothing
   * earlier was unfinished; null when the Global DB failed (the message is abandoned).
   */
  private async failEarlierBlocker(operationId: string, reason: string, context: ServiceBusContext): Promise<string | undefined | null> {
    try {
      const blocker = await this.processor.failEarlierBlocker(context.getSessionId(), operationId, reason);
      if (blocker !== undefined) this.logger.error(`Operation ${blocker}, run ahead of ${operationId}, Failed: ${reason}`);
      return blocker;
    } catch (error) {
      this.logger.error(`Could not check the operations ahead of ${operationId}: ${failureMessage(error)}`);
      return null;
    }
  }

  private async poison(context: ServiceBusContext, reason: string, description: string, operationId?: string): Promise<void> {
    this.logger.error(`Poison message ${context.getMessage().messageId ?? ''} (operation ${operationId ?? 'unknown'}): ${description}`);
    try {
      if (operationId !== undefined) await this.processor.failPoisoned(context.getSessionId(), operationId, `${reason}: ${description}`);
    } catch (error) {
      // Never drop it silently: without the Failed mark, let the broker redeliver and try again.
      this.logger.error(`Could not mark operation ${operationId ?? ''} Failed: ${failureMessage(error)}`);
      return context.abandon().catch(() => undefined);
    }
    await context.deadLetter(reason, description);
  }
}
