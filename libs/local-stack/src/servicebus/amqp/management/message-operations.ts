import { message as rheaMessage, string_to_uuid, types, type Message } from 'rhea';
import { encodeStored, longToNumber, toDraft } from '../message-codec';
import { OK, receivableOf, required, requiredArray, sendTargetOf, sessionIdOf, type ManagementRequest } from './management-context';
import type { Reply } from '../request-response';

const NO_CONTENT: Reply = { statusCode: 204, statusDescription: 'No Content' };

/** com.microsoft:peek-message: active, deferred and scheduled messages from a sequence number on. */
export function peekMessage(request: ManagementRequest): Reply {
  const from = longToNumber(required(request, 'from-sequence-number'));
  const count = Number(required(request, 'message-count'));
  const sessionId = sessionIdOf(request);
  const found = [...receivableOf(request).messages.values()]
    .filter((m) => m.sequenceNumber >= from && (sessionId === undefined || m.sessionId === sessionId))
    .sort((a, b) => a.sequenceNumber - b.sequenceNumber)
    .slice(0, count);
  if (found.length === 0) return NO_CONTENT;
  return { ...OK, body: { messages: found.map((m) => ({ message: encodeStored(m, m.lock?.lockedUntil) })) } };
}

/** com.microsoft:schedule-message */
export function scheduleMessage(request: ManagementRequest): Reply {
  const target = sendTargetOf(request);
  const sequenceNumbers = requiredArray(request, 'messages').map((entry) => {
    const draft = toDraft(rheaMessage.decode((entry as { message: Buffer }).message) as unknown as Message);
    return target.schedule(draft, draft.scheduledAt ?? Date.now());
  });
  return { ...OK, body: { 'sequence-numbers': types.wrap_array(sequenceNumbers, 0x81, undefined) } };
}

/** com.microsoft:cancel-scheduled-message */
export function cancelScheduledMessage(request: ManagementRequest): Reply {
  const target = sendTargetOf(request);
  for (const value of requiredArray(request, 'sequence-numbers')) target.cancel(longToNumber(value));
  return OK;
}

/** com.microsoft:receive-by-sequence-number (deferred messages). */
export function receiveBySequenceNumber(request: ManagementRequest): Reply {
  const sequenceNumbers = requiredArray(request, 'sequence-numbers').map(longToNumber);
  const receiveAndDelete = Number(request.body['receiver-settle-mode'] ?? 1) === 0;
  const received = receivableOf(request).receiveDeferred(sequenceNumbers, receiveAndDelete, sessionIdOf(request));
  const messages = received.map(({ message, lockToken }) => ({
    message: encodeStored(message, message.lock?.lockedUntil),
    ...(lockToken ? { 'lock-token': types.wrap_uuid(string_to_uuid(lockToken)) } : {}),
  }));
  return { ...OK, body: { messages } };
}
