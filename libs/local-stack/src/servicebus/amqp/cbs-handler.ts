import type { Message } from 'rhea';
import { BrokerError, Condition } from '../broker/broker-error';
import type { Reply } from './request-response';

/**
 * Claims-based security on `$cbs`: the emulator accepts every `put-token` (authentication is
 * effectively off, as in Microsoft's emulator) so that the SDK goes on to open its links.
 */
export function handleCbsRequest(request: Message): Reply {
  const operation = (request.application_properties as Record<string, unknown> | undefined)?.['operation'];
  if (operation !== 'put-token') {
    throw new BrokerError(Condition.notImplemented, `The $cbs operation '${String(operation)}' is not supported by this emulator.`);
  }
  return { statusCode: 202, statusDescription: 'Accepted' };
}
