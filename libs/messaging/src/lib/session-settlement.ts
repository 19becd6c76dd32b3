import type { ServiceBusReceivedMessage, ServiceBusSessionReceiver } from '@azure/service-bus';
import type { SessionSettlement } from './session-source.port';

/** Adapts an SDK session receiver to the transport's {@link SessionSettlement}. */
export function sessionSettlementOf(receiver: ServiceBusSessionReceiver): SessionSettlement {
  return {
    sessionId: receiver.sessionId,
    complete: (message: ServiceBusReceivedMessage) => receiver.completeMessage(message),
    abandon: (message: ServiceBusReceivedMessage) => receiver.abandonMessage(message),
    deadLetter: (message: ServiceBusReceivedMessage, reason: string, description: string) =>
      receiver.deadLetterMessage(message, { deadLetterReason: reason, deadLetterErrorDescription: description }),
    renewSessionLock: () => receiver.renewSessionLock(),
    getSessionState: async () => (await receiver.getSessionState()) ?? null,
    setSessionState: (state: unknown) => receiver.setSessionState(state),
  };
}
