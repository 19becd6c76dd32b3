import type { OperationPublisher } from '@iomt/domain';
import { TransientError } from '@iomt/domain';
import { PublishFaultPublisher, withLocalPublishFaults } from './publish-fault.publisher';

const message = { operationId: 'op-1', subscriptionId: '00000000-0000-0000-0000-000000000001' };

describe('PublishFaultPublisher', () => {
  it('fails the draws under the rate with a TransientError and passes the others on', async () => {
    const sent: unknown[] = [];
    const inner: OperationPublisher = { publish: async (m) => void sent.push(m) };
    const draws = [0.1, 0.9];
    const publisher = new PublishFaultPublisher(inner, 0.5, () => draws.shift() ?? 1);
    await expect(publisher.publish(message)).rejects.toBeInstanceOf(TransientError);
    await publisher.publish(message);
    expect(sent).toEqual([message]);
  });
});

describe('withLocalPublishFaults', () => {
  const inner: OperationPublisher = { publish: async () => undefined };

  it.each([
    [{}, '127.0.0.1', 'the publisher itself'],
    [{ LOCAL_FAULT_PUBLISH_FAILURE_RATE: '' }, '127.0.0.1', 'the publisher itself'],
    [{ LOCAL_FAULT_PUBLISH_FAILURE_RATE: '0' }, '127.0.0.1', 'the publisher itself'],
  ])('with %j on %s gives %s', (env, host, _gives) => {
    expect(withLocalPublishFaults(inner, host, env)).toBe(inner);
  });

  it('wraps the publisher for a rate on a loopback host', () => {
    expect(withLocalPublishFaults(inner, '127.0.0.1', { LOCAL_FAULT_PUBLISH_FAILURE_RATE: '0.3' })).toBeInstanceOf(PublishFaultPublisher);
  });

  it.each([
    [{ LOCAL_FAULT_PUBLISH_FAILURE_RATE: 'often' }, '127.0.0.1', /must be a number from 0 to 1/],
    [{ LOCAL_FAULT_PUBLISH_FAILURE_RATE: '1.5' }, '127.0.0.1', /must be a number from 0 to 1/],
    [{ LOCAL_FAULT_PUBLISH_FAILURE_RATE: '0.2' }, '0.0.0.0', /only allowed when HOST is a loopback address/],
  ])('refuses %j on %s', (env, host, error) => {
    expect(() => withLocalPublishFaults(inner, host, env)).toThrow(error);
  });
});
