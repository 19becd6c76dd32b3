import type { Sender } from 'rhea';
import { BrokerError, Condition } from '../broker/broker-error';
import type { MessageEntity } from '../broker/message-entity';
import { ConnectionLinks } from './connection-links';
import { ConsumerLink } from './consumer-link';
import { ticksLong } from './message-codec';
import { localAttach, remoteAttach } from './rhea-link';

const SESSION_FILTER = 'com.microsoft:session-filter';
const LOCKED_UNTIL = 'com.microsoft:locked-until-utc';
const TIMEOUT = 'com.microsoft:timeout';
const DEFAULT_ACCEPT_TIMEOUT_MS = 60_000;

/**
 * A client receiver attached to an entity. Non-session receivers start at once; session
 * receivers get their session in the attach reply (source filter + locked-until), after
 * waiting for a free one when acceptNextSession asked for "any" session.
 */
export function attachConsumer(sender: Sender, entity: MessageEntity): void {
  const attach = remoteAttach(sender);
  const filter = attach.source?.filter;
  const wantsSession = filter !== undefined && filter !== null && SESSION_FILTER in filter;
  const receiveAndDelete = attach.snd_settle_mode === 1;
  localAttach(sender).snd_settle_mode = attach.snd_settle_mode ?? 0;
  localAttach(sender).rcv_settle_mode = attach.rcv_settle_mode ?? 0;
  sender.set_source({ address: attach.source?.address ?? '' });
  sender.set_target({ address: attach.target?.address ?? '' });
  if (wantsSession !== Boolean(entity.sessions)) {
    const what = entity.sessions ? 'requires sessions: use a session receiver' : 'does not require sessions: use a plain receiver';
    return refuse(sender, new BrokerError(Condition.notAllowed, `The entity '${entity.path}' ${what}.`));
  }
  const consumer = new ConsumerLink(sender, entity, undefined, receiveAndDelete);
  const forget = ConnectionLinks.of(sender.connection).onClose(() => consumer.onClosed());
  sender.on('sender_close', () => {
    forget();
    consumer.onClosed();
  });
  if (!wantsSession) {
    entity.addConsumer(consumer);
    return;
  }
  const requested = filter[SESSION_FILTER];
  if (typeof requested === 'string') lockSession(sender, entity, consumer, requested);
  else acceptNextSession(sender, entity, consumer, Number(attach.properties?.[TIMEOUT] ?? DEFAULT_ACCEPT_TIMEOUT_MS));
}

function lockSession(sender: Sender, entity: MessageEntity, consumer: ConsumerLink, sessionId: string): void {
  try {
    const lockedUntil = entity.sessions?.lock(sessionId, consumer) ?? 0;
    consumer.sessionId = sessionId;
    announceSession(sender, sessionId, lockedUntil);
  } catch (error) {
    consumer.onClosed();
    refuse(sender, error as BrokerError);
  }
}

function acceptNextSession(sender: Sender, entity: MessageEntity, consumer: ConsumerLink, timeoutMs: number): void {
  holdAttach(sender);
  let answered = false;
  // A client that dies while waiting must not be handed a session: it would hold the lock until it expired.
  const forgetWaiter = ConnectionLinks.of(sender.connection).onClose(() => {
    if (!answered) cancel?.();
  });
  const cancel = entity.sessions?.acceptNext(consumer, timeoutMs, (sessionId) => {
    answered = true;
    forgetWaiter();
    if (sessionId === undefined) {
      consumer.onClosed();
      sender.open();
      refuse(sender, new BrokerError(Condition.timeout, `No session of '${entity.path}' became available within ${timeoutMs} ms.`));
      return;
    }
    consumer.sessionId = sessionId;
    announceSession(sender, sessionId, entity.sessions?.get(sessionId)?.lockedUntil ?? 0);
    sender.open();
  });
  sender.on('sender_close', () => {
    if (answered) return;
    cancel?.();
    // Complete the handshake so the client's detach is answered.
    sender.open();
    sender.close();
  });
}

function announceSession(sender: Sender, sessionId: string, lockedUntil: number): void {
  const address = remoteAttach(sender).source?.address ?? '';
  sender.set_source({ address, filter: { [SESSION_FILTER]: sessionId } });
  localAttach(sender).properties = { [LOCKED_UNTIL]: ticksLong(lockedUntil) };
}

/**
 * rhea answers an attach as soon as it arrives; acceptNextSession must answer only when a
 * session is found (or the wait times out), so the pending local attach is withdrawn here and
 * re-issued later with `sender.open()`.
 */
function holdAttach(sender: Sender): void {
  const state = (sender as unknown as { state: { local_open: boolean; open_requests: number } }).state;
  state.local_open = false;
  state.open_requests = Math.max(0, state.open_requests - 1);
}

/** Sends the attach (with no session) followed by a detach carrying the error. */
export function refuse(link: { close(error?: object): void }, error: BrokerError): void {
  link.close({ condition: error.condition, description: error.message });
}
