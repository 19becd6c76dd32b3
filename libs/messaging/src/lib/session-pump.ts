import type { ServiceBusReceivedMessage, ServiceBusSessionReceiver } from '@azure/service-bus';
import { IdleTimer } from './idle-timer';
import { sessionSettlementOf } from './session-settlement';
import type { SessionErrorHandler, SessionMessageHandler } from './session-source.port';

/** How one locked session is processed. */
export interface SessionPumpOptions {
  readonly idleTimeoutMs: number;
  /** Aborted when the server shuts down. */
  readonly signal: AbortSignal;
  readonly onMessage: SessionMessageHandler;
  readonly onError: SessionErrorHandler;
}

/**
 * Feeds the messages of one locked session to `onMessage`, one at a time and in order, until
 * the session is idle for `idleTimeoutMs`, its receiver reports an error (e.g. the session lock
 * was lost), or `signal` aborts. Then it stops the subscription (which drains the link's credit),
 * handles every message the SDK delivered meanwhile, and closes the receiver, which releases the
 * session. A message handed to the pump is therefore always handled: one that crossed the idle
 * timer is never left unsettled for the receiver's close to release (a counted delivery).
 */
export async function pumpSession(receiver: ServiceBusSessionReceiver, options: SessionPumpOptions): Promise<void> {
  const settlement = sessionSettlementOf(receiver);
  const handling = new Set<Promise<void>>();
  let stopping = false;
  let subscription: { close(): Promise<void> } | undefined;

  let end = (): void => undefined;
  await new Promise<void>((finish) => {
    const idle = new IdleTimer(options.idleTimeoutMs, () => {
      // A message already being handled is not idleness; its end refreshes the timer.
      if (handling.size === 0) end();
    });
    end = () => {
      stopping = true;
      idle.pause();
      finish();
    };
    options.signal.addEventListener('abort', end, { once: true });
    subscription = receiver.subscribe(
      {
        processMessage: async (message: ServiceBusReceivedMessage) => {
          idle.pause();
          const handled = options.onMessage(message, settlement);
          handling.add(handled);
          await handled;
          handling.delete(handled);
          if (!stopping) idle.refresh();
        },
        processError: async ({ error }) => {
          options.onError(error, receiver.sessionId);
          end();
        },
      },
      { autoCompleteMessages: false, maxConcurrentCalls: 1 },
    );
    if (options.signal.aborted) end();
    else idle.refresh();
  });
  options.signal.removeEventListener('abort', end);

  // Closing the subscription drains the credit: messages already on the wire reach
  // processMessage before it resolves, and no credit is granted afterwards.
  await closeQuietly(() => subscription?.close(), receiver.sessionId, options.onError);
  while (handling.size > 0) await Promise.all([...handling]);
  await closeQuietly(() => receiver.close(), receiver.sessionId, options.onError);
}

async function closeQuietly(close: () => Promise<void> | undefined, sessionId: string, onError: SessionErrorHandler) {
  try {
    await close();
  } catch (error) {
    onError(error, sessionId);
  }
}
