import type {
  MessageHandlers,
  ServiceBusClient,
  ServiceBusReceivedMessage,
  ServiceBusSessionReceiver,
  SubscribeOptions,
} from '@azure/service-bus';

/** A promise with its resolve/reject exposed. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A hand-rolled session receiver: the test pushes messages, which reach the subscribed
 * handler one at a time as with the SDK's `maxConcurrentCalls: 1`.
 */
export class FakeSessionReceiver {
  readonly log: string[] = [];
  handlers: MessageHandlers | undefined;
  subscribeOptions: SubscribeOptions | undefined;
  readonly closed = deferred();
  completeMessage = jest.fn(async (m: ServiceBusReceivedMessage) => void this.log.push(`complete ${String(m.messageId)}`));
  abandonMessage = jest.fn(async (m: ServiceBusReceivedMessage) => void this.log.push(`abandon ${String(m.messageId)}`));
  deadLetterMessage = jest.fn(async (m: ServiceBusReceivedMessage, o?: { deadLetterReason?: string }) => {
    this.log.push(`deadLetter ${String(m.messageId)} ${o?.deadLetterReason ?? ''}`);
  });
  renewSessionLock = jest.fn(async () => new Date(1));
  getSessionState = jest.fn(async (): Promise<unknown> => undefined);
  setSessionState = jest.fn(async () => undefined);

  constructor(readonly sessionId: string) {}

  subscribe(handlers: MessageHandlers, options?: SubscribeOptions) {
    this.handlers = handlers;
    this.subscribeOptions = options;
    this.log.push('subscribe');
    return { close: async () => void this.log.push('subscription closed') };
  }

  /** Delivers a message and resolves once the handler has finished with it. */
  async push(message: Partial<ServiceBusReceivedMessage>): Promise<void> {
    await this.subscribed().processMessage({ sessionId: this.sessionId, ...message } as ServiceBusReceivedMessage);
  }

  async fail(error: Error): Promise<void> {
    await this.subscribed().processError({
      error,
      errorSource: 'receive',
      entityPath: 'q',
      fullyQualifiedNamespace: 'ns',
      identifier: 'fake',
    });
  }

  private subscribed(): MessageHandlers {
    if (this.handlers === undefined) throw new Error('nobody subscribed');
    return this.handlers;
  }

  async close(): Promise<void> {
    this.log.push('receiver closed');
    this.closed.resolve();
  }

  asReceiver(): ServiceBusSessionReceiver {
    return this as unknown as ServiceBusSessionReceiver;
  }
}

/** A client whose `acceptNextSession` calls wait until the test answers them, in order. */
export class FakeServiceBusClient {
  readonly accepts: { args: unknown[]; answer: ReturnType<typeof deferred<ServiceBusSessionReceiver>> }[] = [];
  private waiters: { count: number; done: () => void }[] = [];

  acceptNextSession = jest.fn((...args: unknown[]) => {
    const answer = deferred<ServiceBusSessionReceiver>();
    this.accepts.push({ args, answer });
    this.waiters = this.waiters.filter((w) => (this.accepts.length >= w.count ? (w.done(), false) : true));
    return answer.promise;
  });

  /** Resolves once `count` accept calls were made in total. */
  acceptCalls(count: number): Promise<void> {
    if (this.accepts.length >= count) return Promise.resolve();
    return new Promise((done) => this.waiters.push({ count, done }));
  }

  /** Rejects every unanswered accept, as closing the real client does. */
  async close(): Promise<void> {
    for (const { answer } of this.accepts) answer.reject(new Error('client closed'));
  }

  asClient(): ServiceBusClient {
    return this as unknown as ServiceBusClient;
  }
}
