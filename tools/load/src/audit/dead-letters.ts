import { ServiceBusClient, type ServiceBusReceivedMessage } from '@azure/service-bus';

/** The project's queues (config/servicebus/Config.json), each with its dead-letter queue. */
export const PROJECT_QUEUES = ['operations', 'fhir-commands', 'iomt-commands', 'key-rotation-commands', 'operation-replies'] as const;

/** One dead-lettered message, as far as an investigation needs it (no bodies beyond the ids). */
export interface DeadLetterSample {
  readonly queue: string;
  readonly sessionId?: string;
  readonly operationId?: string;
  readonly reason?: string;
  readonly description?: string;
  readonly deliveryCount?: number;
  readonly enqueuedAt?: string;
}

/** What the dead-letter queues hold. */
export interface DeadLetterAudit {
  readonly counts: Record<string, number>;
  /** The first few messages of every queue. */
  readonly samples: DeadLetterSample[];
}

/** Peeks every queue's dead-letter queue (nothing is received or settled): counts and samples. */
export async function auditDeadLetters(connectionString: string, queues: readonly string[] = PROJECT_QUEUES, samplesPerQueue = 20): Promise<DeadLetterAudit> {
  const client = new ServiceBusClient(connectionString);
  const audit: DeadLetterAudit = { counts: {}, samples: [] };
  try {
    for (const queue of queues) {
      const receiver = client.createReceiver(queue, { subQueueType: 'deadLetter' });
      try {
        const seen = new Map<string, ServiceBusReceivedMessage>();
        for (;;) {
          const fresh = (await receiver.peekMessages(250)).filter((m) => !seen.has(String(m.sequenceNumber)));
          fresh.forEach((m) => seen.set(String(m.sequenceNumber), m));
          if (fresh.length === 0) break;
        }
        audit.counts[queue] = seen.size;
        audit.samples.push(...[...seen.values()].slice(0, samplesPerQueue).map((m) => sample(queue, m)));
      } finally {
        await receiver.close();
      }
    }
    return audit;
  } finally {
    await client.close();
  }
}

function sample(queue: string, message: ServiceBusReceivedMessage): DeadLetterSample {
  const body = message.body as { operationId?: unknown; data?: { operationId?: unknown } } | undefined;
  const operationId = body?.operationId ?? body?.data?.operationId;
  return {
    queue,
    sessionId: message.sessionId,
    operationId: typeof operationId === 'string' ? operationId : undefined,
    reason: message.deadLetterReason,
    description: message.deadLetterErrorDescription,
    deliveryCount: message.deliveryCount,
    enqueuedAt: message.enqueuedTimeUtc?.toISOString(),
  };
}
