import type { Message } from 'rhea';
import { BrokerError, Condition } from '../../broker/broker-error';
import type { NamespaceBroker } from '../../broker/namespace-broker';
import type { Reply } from '../request-response';
import { renewLock, updateDisposition } from './lock-operations';
import type { ManagementOperation } from './management-context';
import { cancelScheduledMessage, peekMessage, receiveBySequenceNumber, scheduleMessage } from './message-operations';
import { getSessionState, renewSessionLock, setSessionState } from './session-operations';

/** The $management operations this emulator implements; anything else gets `amqp:not-implemented`. */
const OPERATIONS: Record<string, ManagementOperation> = {
  'com.microsoft:renew-lock': renewLock,
  'com.microsoft:update-disposition': updateDisposition,
  'com.microsoft:renew-session-lock': renewSessionLock,
  'com.microsoft:get-session-state': getSessionState,
  'com.microsoft:set-session-state': setSessionState,
  'com.microsoft:peek-message': peekMessage,
  'com.microsoft:schedule-message': scheduleMessage,
  'com.microsoft:cancel-scheduled-message': cancelScheduledMessage,
  'com.microsoft:receive-by-sequence-number': receiveBySequenceNumber,
};

/** Builds the request handler of a `<entity>/$management` link. */
export function managementHandler(broker: NamespaceBroker, entityPath: string): (request: Message) => Reply {
  return (message) => {
    const operation = String((message.application_properties as Record<string, unknown> | undefined)?.['operation']);
    const handle = OPERATIONS[operation];
    if (!handle) {
      throw new BrokerError(Condition.notImplemented, `The $management operation '${operation}' is not supported by this emulator.`);
    }
    const body = (message.body ?? {}) as Record<string, unknown>;
    return handle({ broker, entityPath, body, message });
  };
}
