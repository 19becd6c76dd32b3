import type { ServiceBusReceivedMessage } from '@azure/service-bus';

/** Why a received message cannot be routed, or `undefined` when it can. */
export function malformation(message: ServiceBusReceivedMessage): string | undefined {
  if (typeof message.subject !== 'string' || message.subject.length === 0) {
    return 'The message has no subject, so no handler can be chosen';
  }
  // The SDK hands over a Buffer when a data section is not valid JSON.
  if (message.body instanceof Uint8Array) return `The body of message ${message.messageId ?? ''} is not JSON`;
  return undefined;
}

/** True when the sender waits for a reply (Nest's "message" as opposed to "event"). */
export function isRequest(message: ServiceBusReceivedMessage): message is ServiceBusReceivedMessage & { replyTo: string } {
  return typeof message.replyTo === 'string' && message.replyTo.length > 0;
}
