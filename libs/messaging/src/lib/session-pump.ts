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
 * was lost), or `signal` aborts. Then it stops asking for messages, waits for the message being
 * handled, and closes the receiver, which releases the session.
 */
export async function pumpSession(receiver: ServiceBusSessionReceiver, options: SessionPumpOptions): Promise<void> {
  const settlement = sessionSettlementOf(receiver);
  let inFlight: Promise<void> = Promise.resolve();
  let stopping = false;
  let subscription: { close(): Promise<void> } | undefined;

  let end = (): void => undefined;
  await new Promise<void>((finish) => {
    const idle = new IdleTimer(options.idleTimeoutMs, () => end());
    end = () => {
      stopping = true;
      idle.pause();
      finish();
    };
    options.signal.addEventListener('abort', end, { once: true });
    subscription = receiver.subscribe(
      {
        processMessage: async (message: ServiceBusReceivedMessage) => {
          // A message can still arrive while credit drains; closing the receiver releases it.
          if (stopping) return;
          idle.pause();
          inFlight = options.onMessage(message, settlement);
          await inFlight;
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

  await closeQuietly(() => subscription?.close(), receiver.sessionId, options.onError);
  await inFlight;
  await closeQuietly(() => receiver.close(), receiver.sessionId, options.onError);
}

async function closeQuietly(close: () => Promise<void> | undefined, sessionId: string, onError: SessionErrorHandler) {
  try {
    await close();
  } catch (error) {
    onError(error, sessionId);
  }
}
