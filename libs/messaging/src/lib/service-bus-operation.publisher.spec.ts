import { ServiceBusError, ServiceBusMessage, ServiceBusSender } from '@azure/service-bus';
import { ThrottledError, TransientError, ValidationError } from '@iomt/domain';
import { ServiceBusOperationPublisher, toPublishError } from './service-bus-operation.publisher';

const OPERATION = { operationId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', subscriptionId: '00000000-0000-0000-0000-000000000001' };

function fakeSender(failWith?: unknown) {
  const sent: ServiceBusMessage[] = [];
  const sender = {
    sendMessages: jest.fn(async (message: ServiceBusMessage) => {
      if (failWith !== undefined) throw failWith;
      sent.push(message);
    }),
    close: jest.fn(async () => undefined),
  };
  return { sent, sender: sender as unknown as ServiceBusSender, mock: sender };
}

describe('ServiceBusOperationPublisher.publish', () => {
  it('sends operation.requested in the subscription session with the operation id as message id', async () => {
    const { sent, sender } = fakeSender();
    const when = new Date('2030-01-01T00:00:00Z');
    await new ServiceBusOperationPublisher(sender).publish(OPERATION, { scheduledEnqueueTime: when });
    expect(sent).toEqual([
      expect.objectContaining({
        subject: 'operation.requested',
        sessionId: OPERATION.subscriptionId,
        messageId: OPERATION.operationId,
        body: OPERATION,
        scheduledEnqueueTimeUtc: when,
        applicationProperties: { contractVersion: '1.0' },
      }),
    ]);
  });

  it('rejects with the signal reason when aborted, without sending', async () => {
    const { mock, sender } = fakeSender();
    const abort = new AbortController();
    abort.abort(new Error('shutting down'));
    await expect(new ServiceBusOperationPublisher(sender).publish(OPERATION, { signal: abort.signal })).rejects.toThrow(
      'shutting down',
    );
    expect(mock.sendMessages).not.toHaveBeenCalled();
  });

  it('rejects a subscription id that cannot be a session id', async () => {
    const { sender } = fakeSender();
    const publish = new ServiceBusOperationPublisher(sender).publish({ ...OPERATION, subscriptionId: '' });
    await expect(publish).rejects.toThrow(ValidationError);
  });

  it('maps a broker failure through toPublishError', async () => {
    const { sender } = fakeSender(new ServiceBusError('busy', 'ServiceBusy'));
    await expect(new ServiceBusOperationPublisher(sender).publish(OPERATION)).rejects.toThrow(ThrottledError);
  });
});

describe('toPublishError', () => {
  // The SDK's translation marks these codes not retryable; the constructor alone says retryable.
  const permanent = (message: string, code: 'MessagingEntityNotFound' | 'UnauthorizedAccess') =>
    Object.assign(new ServiceBusError(message, code), { retryable: false });
  const retryable = (code: 'ServiceTimeout' | 'ServiceCommunicationProblem') => new ServiceBusError('x', code);
  it.each<[string, unknown, unknown]>([
    ['a busy broker', new ServiceBusError('busy', 'ServiceBusy'), ThrottledError],
    ['a timeout', retryable('ServiceTimeout'), TransientError],
    ['a lost connection', retryable('ServiceCommunicationProblem'), TransientError],
    ['a missing entity', permanent('no queue', 'MessagingEntityNotFound'), ServiceBusError],
    ['an unauthorised client', permanent('denied', 'UnauthorizedAccess'), ServiceBusError],
    ['any other error', new TypeError('bug'), TypeError],
  ])('maps %s', (_name, error, expected) => {
    const mapped = toPublishError(error);
    expect(mapped).toBeInstanceOf(expected as new () => Error);
    if (mapped !== error) expect((mapped as Error).cause).toBe(error);
  });
});
