import type { ServiceBusClient, ServiceBusReceivedMessage, ServiceBusSender } from '@azure/service-bus';
import { randomUUID } from 'node:crypto';
import { FLOOR } from './floor-env';

/** Sends a command and resolves with its reply's body. */
export type Requester = (sessionId: string, body: unknown) => Promise<unknown>;

const REPLY_TIMEOUT_MS = 60_000;

/**
 * Request/reply as libs/messaging does it today: a reply session of its own per request, locked
 * before the request goes out, then closed (a link attach and detach per command).
 */
export function perCommandRequester(client: ServiceBusClient, sender: ServiceBusSender): Requester {
  return async (sessionId, body) => {
    const correlationId = randomUUID();
    const receiver = await client.acceptSession(FLOOR.repliesQueue, correlationId);
    try {
      await sender.sendMessages({ body, sessionId, replyTo: FLOOR.repliesQueue, replyToSessionId: correlationId, correlationId });
      const [reply] = await receiver.receiveMessages(1, { maxWaitTimeInMs: REPLY_TIMEOUT_MS });
      if (reply === undefined) throw new Error(`no reply to ${correlationId}`);
      await receiver.completeMessage(reply);
      return reply.body;
    } finally {
      await receiver.close();
    }
  };
}

/**
 * Request/reply over one long-lived reply session per requester process (its id the session):
 * replies are told apart by correlation id in the process. No link per command.
 */
export async function sharedSessionRequester(client: ServiceBusClient, sender: ServiceBusSender): Promise<Requester> {
  const replySessionId = randomUUID();
  const waiting = new Map<string, (body: unknown) => void>();
  const receiver = await client.acceptSession(FLOOR.repliesQueue, replySessionId);
  receiver.subscribe(
    {
      processMessage: async (reply: ServiceBusReceivedMessage) => waiting.get(String(reply.correlationId))?.(reply.body),
      processError: async ({ error }) => console.error(`floor: reply session error: ${String(error)}`),
    },
    { autoCompleteMessages: true, maxConcurrentCalls: 1 },
  );
  return (sessionId, body) => {
    const correlationId = randomUUID();
    const replied = new Promise<unknown>((resolve) => waiting.set(correlationId, resolve));
    const sent = sender.sendMessages({ body, sessionId, replyTo: FLOOR.repliesQueue, replyToSessionId: replySessionId, correlationId });
    return sent.then(() => replied).finally(() => waiting.delete(correlationId));
  };
}
