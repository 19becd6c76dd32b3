import type { Clock, DeadlineScheduler } from './deadline-scheduler';
import type { MessageEntity } from './message-entity';
import type { StoredMessage } from './stored-message';

/** What an entity needs from its namespace. */
export interface EntityContext {
  readonly clock: Clock;
  readonly scheduler: DeadlineScheduler;
  /** Moves a message out of `from` into its dead-letter destination. */
  deadLetter(message: StoredMessage, from: MessageEntity): void;
}

/** How a client settled a locked message. */
export type Settlement =
  | { readonly kind: 'complete' }
  /** AMQP `released`: not acted upon, so available again without counting a delivery. */
  | { readonly kind: 'release' }
  | { readonly kind: 'abandon' | 'defer'; readonly properties?: Record<string, unknown> }
  | { readonly kind: 'deadLetter'; readonly reason?: string; readonly description?: string; readonly properties?: Record<string, unknown> };
