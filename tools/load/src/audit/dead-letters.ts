import { ServiceBusClient } from '@azure/service-bus';

/** The project's queues (config/servicebus/Config.json), each with its dead-letter queue. */
export const PROJECT_QUEUES = ['operations', 'fhir-commands', 'iomt-commands', 'key-rotation-commands', 'operation-replies'] as const;

/** Counts the messages in each queue's dead-letter queue by peeking (nothing is received or settled). */
export async function countDeadLetters(connectionString: string, queues: readonly string[] = PROJECT_QUEUES): Promise<Record<string, number>> {
  const client = new ServiceBusClient(connectionString);
  try {
    const counts: Record<string, number> = {};
    for (const queue of queues) {
      const receiver = client.createReceiver(queue, { subQueueType: 'deadLetter' });
      try {
        const seen = new Set<string>();
        for (;;) {
          const batch = await receiver.peekMessages(250);
          const fresh = batch.filter((m) => !seen.has(String(m.sequenceNumber)));
          fresh.forEach((m) => seen.add(String(m.sequenceNumber)));
          if (fresh.length === 0) break;
        }
        counts[queue] = seen.size;
      } finally {
        await receiver.close();
      }
    }
    return counts;
  } finally {
    await client.close();
  }
}
