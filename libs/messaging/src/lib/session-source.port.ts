import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';

/** What can be done with a message of a locked session, and with the session itself. */
export interface SessionSettlement {
  /** The locked session's id. */
  readonly sessionId: string;
  /** Removes the message: it was handled. */
  complete(message: ServiceBusReceivedMessage): Promise<void>;
  /** Unlocks the message for redelivery (delivery count + 1). */
  abandon(message: ServiceBusReceivedMessage): Promise<void>;
  /** Moves the message to the entity's dead-letter queue. */
  deadLetter(message: ServiceBusReceivedMessage, reason: string, description: string): Promise<void>;
  /** Extends the session lock now (the SDK also renews it automatically for a while). */
  renewSessionLock(): Promise<Date>;
  /** Reads the session state (JSON), `null` when none was set. */
  getSessionState(): Promise<unknown>;
  /** Replaces the session state. It is a hint, never the source of truth (Cosmos is). */
  setSessionState(state: unknown): Promise<void>;
}

/**
 * Called for each message, one at a time per session and in order: the next message of a session
 * is delivered only after the promise of the previous one settles. It must not reject.
 */
export type SessionMessageHandler = (message: ServiceBusReceivedMessage, session: SessionSettlement) => Promise<void>;

/** Reports a failure that is not about one message (a lost session lock, a broken connection). */
export type SessionErrorHandler = (error: unknown, sessionId?: string) => void;

/** Where a server gets its messages from: sessions of one queue or subscription. */
export interface SessionSource {
  /** Starts accepting sessions and feeding their messages to `onMessage`; resolves once started. */
  start(onMessage: SessionMessageHandler, onError: SessionErrorHandler): Promise<void>;
  /**
   * Stops accepting sessions, lets the messages being handled finish (and be settled), then
   * releases every session. Resolves when nothing is in flight any more.
   */
  stop(): Promise<void>;
}

/** Sends messages to any entity (replies, events); the outgoing half of the transport. */
export interface MessageSink {
  send(entityPath: string, message: ServiceBusMessage): Promise<void>;
  close(): Promise<void>;
}
