import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import type { ServerServiceBusSessions } from '../lib/server-service-bus-sessions';
import type {
  MessageSink,
  SessionErrorHandler,
  SessionMessageHandler,
  SessionSettlement,
  SessionSource,
} from '../lib/session-source.port';

/** A received message for unit tests: only the fields a test sets, plus a message id. */
export function receivedMessage(fields: Partial<ServiceBusReceivedMessage>): ServiceBusReceivedMessage {
  return { messageId: 'm-1', sessionId: 'session-1', deliveryCount: 0, ...fields } as ServiceBusReceivedMessage;
}

/** Records what was done to messages and session state. */
export class FakeSessionSettlement implements SessionSettlement {
  readonly calls: string[] = [];
  state: unknown = null;
  failWith: unknown;

  constructor(readonly sessionId = 'session-1') {}

  complete = (m: ServiceBusReceivedMessage) => this.record(`complete ${String(m.messageId)}`);
  abandon = (m: ServiceBusReceivedMessage) => this.record(`abandon ${String(m.messageId)}`);
  deadLetter = (m: ServiceBusReceivedMessage, reason: string, description: string) =>
    this.record(`deadLetter ${String(m.messageId)} ${reason}: ${description}`);
  renewSessionLock = async () => new Date(0);
  getSessionState = async () => this.state;
  setSessionState = async (state: unknown) => {
    this.state = state;
  };

  private async record(call: string): Promise<void> {
    this.calls.push(call);
    if (this.failWith !== undefined) throw this.failWith;
  }
}

/** A session source the test drives by hand. */
export class FakeSessionSource implements SessionSource {
  onMessage: SessionMessageHandler | undefined;
  onError: SessionErrorHandler | undefined;
  readonly events: string[] = [];
  startError: unknown;

  async start(onMessage: SessionMessageHandler, onError: SessionErrorHandler): Promise<void> {
    if (this.startError !== undefined) throw this.startError;
    this.onMessage = onMessage;
    this.onError = onError;
    this.events.push('start');
  }

  async stop(): Promise<void> {
    this.events.push('stop');
  }

  deliver(message: ServiceBusReceivedMessage, session = new FakeSessionSettlement()): Promise<void> {
    if (this.onMessage === undefined) throw new Error('not started');
    return this.onMessage(message, session);
  }
}

/** Keeps what was sent. */
export class FakeMessageSink implements MessageSink {
  readonly sent: { entityPath: string; message: ServiceBusMessage }[] = [];
  readonly events: string[] = [];
  failWith: unknown;

  async send(entityPath: string, message: ServiceBusMessage): Promise<void> {
    if (this.failWith !== undefined) throw this.failWith;
    this.sent.push({ entityPath, message });
  }

  async close(): Promise<void> {
    this.events.push('close');
  }
}

/** Silences a server's logger in tests that make it log on purpose. */
export function quiet(server: ServerServiceBusSessions): void {
  (server as unknown as { logger: unknown }).logger = { warn: jest.fn(), error: jest.fn(), log: jest.fn() };
}
