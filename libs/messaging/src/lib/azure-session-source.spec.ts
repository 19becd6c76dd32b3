import { ServiceBusError, ServiceBusReceivedMessage } from '@azure/service-bus';
import { deferred, FakeServiceBusClient, FakeSessionReceiver } from '../testing/fake-service-bus-sdk';
import { AzureSessionSource, AzureSessionSourceOptions } from './azure-session-source';
import type { SessionMessageHandler, SessionSettlement } from './session-source.port';

describe('AzureSessionSource', () => {
  let client: FakeServiceBusClient;
  let source: AzureSessionSource;
  let errors: [unknown, string | undefined][];

  const create = (options: Partial<AzureSessionSourceOptions> = {}) => {
    source = new AzureSessionSource({
      client: client.asClient(),
      entity: { queueName: 'operations' },
      maxConcurrentSessions: 1,
      sessionIdleTimeoutMs: 60_000,
      acceptErrorBackoffMs: 1,
      ...options,
    });
    return source;
  };
  const start = (onMessage: SessionMessageHandler = async () => undefined) =>
    source.start(onMessage, (error, sessionId) => errors.push([error, sessionId]));
  const accept = async (index: number, receiver: FakeSessionReceiver) => {
    await client.acceptCalls(index + 1);
    client.accepts[index].answer.resolve(receiver.asReceiver());
  };

  beforeEach(() => {
    client = new FakeServiceBusClient();
    errors = [];
  });

  afterEach(async () => {
    jest.useRealTimers();
    const stopped = source.stop();
    await client.close();
    await stopped;
  });

  describe('start', () => {
    it('runs one accept loop per concurrent session, with peek-lock and the lock renewal setting', async () => {
      create({ maxConcurrentSessions: 3, maxAutoLockRenewalDurationInMs: 1234 });
      await start();
      await client.acceptCalls(3);
      expect(client.acceptNextSession.mock.calls).toEqual(
        Array(3).fill(['operations', { receiveMode: 'peekLock', maxAutoLockRenewalDurationInMs: 1234 }]),
      );
    });

    it('accepts from a topic subscription', async () => {
      create({ entity: { topicName: 't', subscriptionName: 's' } });
      await start();
      await client.acceptCalls(1);
      expect(client.acceptNextSession.mock.calls[0].slice(0, 2)).toEqual(['t', 's']);
    });

    it('refuses to start twice', async () => {
      create();
      await start();
      await expect(start()).rejects.toThrow('already started');
    });
  });

  describe('a session', () => {
    it('subscribes with explicit settlement and one message at a time, and settles through the receiver', async () => {
      const receiver = new FakeSessionReceiver('sub-1');
      let settlement: SessionSettlement | undefined;
      create();
      await start(async (message, session) => {
        settlement = session;
        await session.deadLetter(message, 'Bad', 'really bad');
      });
      await accept(0, receiver);
      await client.acceptCalls(1);
      await waitFor(() => receiver.handlers !== undefined);
      expect(receiver.subscribeOptions).toEqual({ autoCompleteMessages: false, maxConcurrentCalls: 1 });
      await receiver.push({ messageId: 'a' });
      expect(receiver.deadLetterMessage).toHaveBeenCalledWith(expect.objectContaining({ messageId: 'a' }), {
        deadLetterReason: 'Bad',
        deadLetterErrorDescription: 'really bad',
      });
      expect(settlement!.sessionId).toBe('sub-1');
      receiver.getSessionState.mockResolvedValueOnce(undefined);
      await expect(settlement!.getSessionState()).resolves.toBeNull();
    });

    it('is released after the idle timeout, and the loop accepts the next session', async () => {
      const first = new FakeSessionReceiver('first');
      create({ sessionIdleTimeoutMs: 5 });
      await start();
      await accept(0, first);
      await first.closed.promise;
      await client.acceptCalls(2);
      expect(first.log).toEqual(['subscribe', 'subscription closed', 'receiver closed']);
    });

    it('does not count a long handler as idle time', async () => {
      jest.useFakeTimers();
      const receiver = new FakeSessionReceiver('slow');
      const release = deferred();
      create({ sessionIdleTimeoutMs: 100 });
      await start(() => release.promise);
      await accept(0, receiver);
      await waitFor(() => receiver.handlers !== undefined);
      const handled = receiver.push({ messageId: 'long' });
      await jest.advanceTimersByTimeAsync(10_000);
      expect(receiver.log).toEqual(['subscribe']);
      release.resolve();
      await handled;
      await jest.advanceTimersByTimeAsync(100);
      expect(receiver.log).toEqual(['subscribe', 'subscription closed', 'receiver closed']);
    });

    it('is released on a receiver error (e.g. a lost lock), which is reported with its session id', async () => {
      const receiver = new FakeSessionReceiver('lost');
      create();
      await start();
      await accept(0, receiver);
      await waitFor(() => receiver.handlers !== undefined);
      const lost = new ServiceBusError('lock lost', 'SessionLockLost');
      await receiver.fail(lost);
      await receiver.closed.promise;
      expect(errors).toEqual([[lost, 'lost']]);
      await client.acceptCalls(2);
    });
  });

  describe('accept errors', () => {
    it.each(['ServiceTimeout', 'SessionCannotBeLocked'] as const)('retries quietly when no session is available (%s)', async (code) => {
      create();
      await start();
      await client.acceptCalls(1);
      client.accepts[0].answer.reject(new ServiceBusError('none', code));
      await client.acceptCalls(2);
      expect(errors).toEqual([]);
    });

    it('reports any other error and retries after a back-off', async () => {
      create();
      await start();
      await client.acceptCalls(1);
      const failure = new ServiceBusError('unauthorized', 'UnauthorizedAccess');
      client.accepts[0].answer.reject(failure);
      await client.acceptCalls(2);
      expect(errors).toEqual([[failure, undefined]]);
    });
  });

  describe('stop', () => {
    it('stops taking messages, waits for the message in flight, then closes the receiver', async () => {
      const receiver = new FakeSessionReceiver('busy');
      const release = deferred();
      const started = deferred();
      create();
      await start(async (message: ServiceBusReceivedMessage) => {
        started.resolve();
        await release.promise;
        receiver.log.push(`handled ${String(message.messageId)}`);
      });
      await accept(0, receiver);
      await waitFor(() => receiver.handlers !== undefined);
      const handled = receiver.push({ messageId: 'x' });
      await started.promise;
      const stopped = source.stop();
      await waitFor(() => receiver.log.includes('subscription closed'));
      expect(receiver.log).toEqual(['subscribe', 'subscription closed']);
      release.resolve();
      await Promise.all([stopped, handled]);
      expect(receiver.log).toEqual(['subscribe', 'subscription closed', 'handled x', 'receiver closed']);
    });

    it('waits for a loop still inside acceptNextSession, which the SDK cannot abort', async () => {
      create();
      await start();
      await client.acceptCalls(1);
      let stopped = false;
      const stopping = source.stop().then(() => (stopped = true));
      await flushEventLoop();
      expect(stopped).toBe(false);
      client.accepts[0].answer.reject(new ServiceBusError('no session', 'ServiceTimeout'));
      await stopping;
      expect(client.acceptNextSession).toHaveBeenCalledTimes(1);
    });

    it('releases at once a session accepted after the stop, without subscribing', async () => {
      const late = new FakeSessionReceiver('late');
      create();
      await start();
      await client.acceptCalls(1);
      const stopped = source.stop();
      client.accepts[0].answer.resolve(late.asReceiver());
      await late.closed.promise;
      await stopped;
      expect(late.log).toEqual(['receiver closed']);
    });
  });
});

async function flushEventLoop(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Polls a condition on the event loop (bounded), for state changes with no event to await. */
async function waitFor(condition: () => boolean, attempts = 1_000): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not met');
}
