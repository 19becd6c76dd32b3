import type { ServiceBusClient, ServiceBusReceivedMessage } from '@azure/service-bus';

/** How long a held session may stay empty before its slot goes to another session (the workers' default). */
const IDLE_MS = 1_000;

/**
 * Consumes a session queue as the services' sessions transport does: `concurrency` sessions at a
 * time, each session's messages one by one in order, completed after `handle`. Runs until the
 * process ends; a failed message is abandoned (the broker redelivers it).
 */
export function consumeSessions(
  client: ServiceBusClient,
  queueName: string,
  concurrency: number,
  handle: (message: ServiceBusReceivedMessage) => Promise<void>,
): void {
  for (let i = 0; i < concurrency; i += 1) void sessionLoop(client, queueName, handle);
}

async function sessionLoop(client: ServiceBusClient, queueName: string, handle: (message: ServiceBusReceivedMessage) => Promise<void>) {
  for (;;) {
    const receiver = await client.acceptNextSession(queueName).catch(() => undefined);
    if (receiver === undefined) continue; // no session free within the accept timeout
    try {
      for (;;) {
        const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: IDLE_MS });
        if (message === undefined) break;
        try {
          await handle(message);
          await receiver.completeMessage(message);
        } catch (error) {
          console.error(`floor: message ${String(message.messageId)} failed: ${String(error)}`);
          await receiver.abandonMessage(message).catch(() => undefined);
        }
      }
    } finally {
      await receiver.close().catch(() => undefined);
    }
  }
}
