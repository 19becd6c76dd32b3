import { BrokerError, Condition } from '../../broker/broker-error';
import type { SessionRegistry } from '../../broker/session-registry';
import { OK, receivableOf, required, type ManagementRequest } from './management-context';
import type { Reply } from '../request-response';

function sessionsOf(request: ManagementRequest): SessionRegistry {
  const sessions = receivableOf(request).sessions;
  if (!sessions) throw new BrokerError(Condition.notAllowed, `The entity '${request.entityPath}' does not require sessions.`);
  return sessions;
}

/** com.microsoft:renew-session-lock */
export function renewSessionLock(request: ManagementRequest): Reply {
  const expiration = sessionsOf(request).renew(required<string>(request, 'session-id'));
  return { ...OK, body: { expiration: new Date(expiration) } };
}

/** com.microsoft:get-session-state */
export function getSessionState(request: ManagementRequest): Reply {
  const record = sessionsOf(request).heldRecord(required<string>(request, 'session-id'));
  return { ...OK, body: { 'session-state': record.state ?? null } };
}

/** com.microsoft:set-session-state */
export function setSessionState(request: ManagementRequest): Reply {
  const record = sessionsOf(request).heldRecord(required<string>(request, 'session-id'));
  const state = request.body['session-state'];
  if (state !== null && state !== undefined && !Buffer.isBuffer(state)) {
    throw new BrokerError(Condition.argumentError, "'session-state' must be binary or null.");
  }
  record.state = state ?? undefined;
  return OK;
}
