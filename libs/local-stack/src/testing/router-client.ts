import type { Observable } from 'rxjs';
import { QueueName } from '@iomt/contracts';

/** The Service Bus properties the router sets on a command. */
export interface CommandRecordOptions {
  readonly sessionId: string;
  readonly replyToSessionId: string;
  readonly messageId: string;
}

/**
 * The two classes of `@iomt/messaging` that play the router: pass the module itself
 * (`import * as messaging from '@iomt/messaging'`). It is handed in rather than imported because
 * messaging's own tests run on the local stack, and an import back would make the projects a cycle.
 */
export interface RouterMessaging {
  readonly ClientServiceBus: new (options: {
    connectionString: string;
    entityPath: string;
    replyQueueName: string;
    replyTimeoutMs: number;
  }) => { send(pattern: string, data: unknown): Observable<unknown>; close(): Promise<void> };
  readonly ServiceBusRecord: new (data: unknown, options: CommandRecordOptions) => unknown;
}

/** A command sender that waits for the worker's reply, as the operation-router's dispatcher does. */
export interface RouterClient {
  send(subject: string, payload: unknown, options: CommandRecordOptions): Observable<unknown>;
  close(): Promise<void>;
}

/** A `ClientServiceBus` on `queue` replying on `operation-replies`, configured as the router's. */
export function connectRouterClient(messaging: RouterMessaging, connectionString: string, queue: QueueName): RouterClient {
  const client = new messaging.ClientServiceBus({
    connectionString,
    entityPath: queue,
    replyQueueName: QueueName.OperationReplies,
    replyTimeoutMs: 60_000,
  });
  return {
    send: (subject, payload, options) => client.send(subject, new messaging.ServiceBusRecord(payload, options)),
    close: () => client.close(),
  };
}
