import { message as rheaMessage, type Delivery, type EventContext, type Message, type Receiver } from 'rhea';
import { BrokerError, Condition } from '../broker/broker-error';
import type { SendTarget } from '../broker/send-target';
import { toDraft, unpackTransfer } from './message-codec';
import { localAttach, remoteAttach } from './rhea-link';

/** Largest message the broker announces (Service Bus Standard: 256 KB); the SDK sizes batches by it. */
export const MAX_MESSAGE_SIZE = 256 * 1024;

/** rhea's outcome builders are untyped in its typings. */
const outcomes = rheaMessage as unknown as Record<'accepted' | 'rejected', (fields?: object) => { described(): never }>;

/**
 * A client sender attached to a queue or topic: every transfer (a message or a batch) is
 * stored and the delivery settled `accepted`, or `rejected` with the broker's error.
 */
export function attachIngress(receiver: Receiver, target: SendTarget): void {
  const attach = remoteAttach(receiver);
  receiver.set_target({ address: attach.target?.address ?? '' });
  receiver.set_source({ address: attach.source?.address ?? '' });
  localAttach(receiver).max_message_size = MAX_MESSAGE_SIZE;
  receiver.on('message', (context: EventContext) => {
    const delivery = context.delivery as Delivery;
    try {
      const format = (context as EventContext & { format?: number }).format;
      for (const message of unpackTransfer(context.message as Message | Buffer, format)) target.accept(toDraft(message));
      delivery.update(true, outcomes.accepted().described());
    } catch (error) {
      const refused = error instanceof BrokerError ? error : new BrokerError(Condition.internalError, String(error));
      delivery.update(true, outcomes.rejected({ error: { condition: refused.condition, description: refused.message } }).described());
    }
  });
}
