import { types } from 'rhea';
import { BrokerError, Condition } from '../../broker/broker-error';
import type { Settlement } from '../../broker/message-entity';
import { uuidToLockToken } from '../message-codec';
import { OK, receivableOf, required, requiredArray, type ManagementRequest } from './management-context';
import type { Reply } from '../request-response';

/** com.microsoft:renew-lock */
export function renewLock(request: ManagementRequest): Reply {
  const entity = receivableOf(request);
  const expirations = requiredArray(request, 'lock-tokens').map((token) => entity.renewLock(uuidToLockToken(token)));
  return { ...OK, body: { expirations: types.wrap_array(expirations, 0x83, undefined) } };
}

const DISPOSITIONS: Record<string, Settlement['kind']> = {
  completed: 'complete',
  abandoned: 'abandon',
  defered: 'defer',
  deferred: 'defer',
  suspended: 'deadLetter',
};

/** com.microsoft:update-disposition (settles deferred messages and messages whose link is gone). */
export function updateDisposition(request: ManagementRequest): Reply {
  const entity = receivableOf(request);
  const status = required<string>(request, 'disposition-status');
  const kind = DISPOSITIONS[status];
  if (!kind) throw new BrokerError(Condition.argumentError, `Unknown disposition-status '${status}'.`);
  const properties = request.body['properties-to-modify'] as Record<string, unknown> | undefined;
  const settlement: Settlement =
    kind === 'deadLetter'
      ? {
          kind,
          reason: request.body['deadletter-reason'] as string | undefined,
          description: request.body['deadletter-description'] as string | undefined,
          properties,
        }
      : kind === 'complete'
        ? { kind }
        : { kind, properties };
  for (const token of requiredArray(request, 'lock-tokens')) entity.settle(uuidToLockToken(token), settlement);
  return OK;
}
