import type { ServiceBusClient, ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { ValidationError } from '@iomt/domain';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { ClientServiceBus } from './client-service-bus';
import { ServiceBusRecord } from './service-bus.record-builder';
import { RemoteOperationError } from '@iomt/contracts';
import { InvalidReplyError, ReplyTimeoutError } from './service-bus.errors';
import { runWithTraceContext } from './trace-context';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

/** SDK fakes: a sender that records, and reply-session receivers fed by `reply`. */
class FakeSdk {
  readonly log: string[] = [];
  readonly sent: ServiceBusMessage[] = [];
  readonly replies: Partial<ServiceBusReceivedMessage>[] = [];
  onSend: (message: ServiceBusMessage) => void = () => undefined;
  readonly sender = {
    sendMessages: jest.fn(async (message: ServiceBusMessage) => {
      this.log.push(`send ${String(message.subject)}`);
      this.sent.push(message);
      this.onSend(message);
    }),
    close: jest.fn(async () => void this.log.push('sender closed')),
  };
  readonly client = {
    createSender: jest.fn(() => this.sender),
    acceptSession: jest.fn(async (queue: string, sessionId: string) => {
      this.log.push(`accept ${queue}`);
      return this.receiver(sessionId);
    }),
    close: jest.fn(async () => void this.log.push('client closed')),
  };

  private receiver(sessionId: string) {
    return {
      sessionId,
      receiveMessages: jest.fn(async (_n: number, o: { maxWaitTimeInMs: number; abortSignal?: AbortSignal }) => {
        const next = this.replies.shift();
        if (next !== undefined) return [next];
        // Like the broker: wait up to maxWaitTimeInMs, or until aborted.
        await new Promise((resolve, reject) => {
          if (o.abortSignal?.aborted) return reject(new Error('aborted'));
          const timer = setTimeout(resolve, o.maxWaitTimeInMs);
          o.abortSignal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))));
        });
        return [];
      }),
      completeMessage: jest.fn(async (m: ServiceBusReceivedMessage) => void this.log.push(`complete ${String(m.messageId)}`)),
      close: jest.fn(async () => void this.log.push('reply receiver closed')),
    };
  }

  asClient(): ServiceBusClient {
    return this.client as unknown as ServiceBusClient;
  }
}

describe('ClientServiceBus', () => {
  let sdk: FakeSdk;
  let proxy: ClientServiceBus;
  const create = (extra: object = {}) =>
    (proxy = new ClientServiceBus({ client: sdk.asClient(), entityPath: 'commands', replyQueueName: 'replies', ...extra }));
  const replyTo = (request: ServiceBusMessage, body: unknown, correlationId = request.correlationId) =>
    sdk.replies.push({ messageId: 'r-1', correlationId, sessionId: request.replyToSessionId, body });

  beforeEach(() => {
    sdk = new FakeSdk();
    create();
  });

  describe('emit', () => {
    it('sends the event in the session of its record, with the ambient trace context', async () => {
      const record = new ServiceBusRecord({ id: 1 }, { sessionId: 'sub-1', messageId: 'm-1' });
      await runWithTraceContext({ traceparent: PARENT }, () => lastValueFrom(proxy.emit('device.created', record), { defaultValue: undefined }));
      expect(sdk.client.createSender).toHaveBeenCalledWith('commands');
      expect(sdk.sent).toEqual([
        expect.objectContaining({
          body: { id: 1 },
          subject: 'device.created',
          sessionId: 'sub-1',
          messageId: 'm-1',
          applicationProperties: { contractVersion: '1.0', traceparent: PARENT, 'Diagnostic-Id': PARENT },
        }),
      ]);
    });

    it('uses the configured session resolver for plain data', async () => {
      create({ sessionId: (_subject: string, data: unknown) => (data as { sub: string }).sub });
      await lastValueFrom(proxy.emit('x', { sub: 'abc' }), { defaultValue: undefined });
      expect(sdk.sent[0].sessionId).toBe('abc');
    });

    it('fails with a ValidationError and sends nothing when no session id is known', async () => {
      await expect(lastValueFrom(proxy.emit('x', { a: 1 }))).rejects.toThrow(ValidationError);
      expect(sdk.sent).toEqual([]);
    });
  });

  describe('send', () => {
    it('locks a fresh reply session, then sends the request with replyTo, replyToSessionId and correlationId', async () => {
      sdk.onSend = (request) => replyTo(request, { ok: true, result: 42 });
      const result = await firstValueFrom(proxy.send('sum', new ServiceBusRecord([40, 2], { sessionId: 'sub-1' })));
      expect(result).toBe(42);
      const [request] = sdk.sent;
      expect(request).toMatchObject({ replyTo: 'replies', correlationId: request.messageId, sessionId: 'sub-1' });
      expect(sdk.client.acceptSession).toHaveBeenCalledWith('replies', request.replyToSessionId);
      expect(request.replyToSessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(sdk.log).toEqual(['accept replies', 'send sum', 'complete r-1', 'reply receiver closed']);
    });

    it('uses a new reply session per request', async () => {
      sdk.onSend = (request) => replyTo(request, { ok: true, result: null });
      const record = new ServiceBusRecord(1, { sessionId: 's' });
      await firstValueFrom(proxy.send('a', record));
      await firstValueFrom(proxy.send('a', record));
      expect(sdk.sent[0].replyToSessionId).not.toEqual(sdk.sent[1].replyToSessionId);
    });

    it("waits on the record's reply session and correlation id when given", async () => {
      sdk.onSend = (request) => replyTo(request, { ok: true, result: 'done' });
      const record = new ServiceBusRecord({}, { sessionId: 's', replyToSessionId: 'op-7', correlationId: 'c-7' });
      await expect(firstValueFrom(proxy.send('a', record))).resolves.toBe('done');
      expect(sdk.sent[0]).toMatchObject({ replyToSessionId: 'op-7', correlationId: 'c-7' });
    });

    it('skips (and completes) a stale reply with another correlation id', async () => {
      sdk.onSend = (request) => {
        replyTo(request, { ok: true, result: 'stale' }, 'someone-else');
        replyTo(request, { ok: true, result: 'fresh' });
      };
      await expect(firstValueFrom(proxy.send('a', new ServiceBusRecord(1, { sessionId: 's' })))).resolves.toBe('fresh');
    });

    it('turns an error reply into a RemoteOperationError carrying code and retryability', async () => {
      sdk.onSend = (request) => replyTo(request, { ok: false, error: { code: 'Conflict', message: 'busy', retryable: true } });
      const error = await firstValueFrom(proxy.send('a', new ServiceBusRecord(1, { sessionId: 's' }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteOperationError);
      expect(error).toMatchObject({ code: 'Conflict', message: 'busy', retryable: true });
    });

    it.each([[{ nope: 1 }], ['text'], [{ ok: false, error: { message: 'no code' } }]])('rejects a reply that is not an envelope: %p', async (body) => {
      sdk.onSend = (request) => replyTo(request, body);
      await expect(firstValueFrom(proxy.send('a', new ServiceBusRecord(1, { sessionId: 's' })))).rejects.toThrow(InvalidReplyError);
    });

    it('fails with ReplyTimeoutError when no reply comes in time, and releases the reply session', async () => {
      create({ replyTimeoutMs: 30 });
      await expect(firstValueFrom(proxy.send('a', new ServiceBusRecord(1, { sessionId: 's' })))).rejects.toThrow(ReplyTimeoutError);
      expect(sdk.log.at(-1)).toBe('reply receiver closed');
    });

    it('stops waiting and releases the reply session when the caller unsubscribes', async () => {
      const closed = new Promise<void>((resolve) => {
        sdk.onSend = () => queueMicrotask(() => subscription.unsubscribe());
        const original = sdk.client.acceptSession.getMockImplementation()!;
        sdk.client.acceptSession.mockImplementation(async (q, s) => {
          const receiver = await original(q, s);
          receiver.close.mockImplementation(async () => void resolve());
          return receiver;
        });
      });
      const subscription = proxy.send('a', new ServiceBusRecord(1, { sessionId: 's' })).subscribe();
      await closed;
      expect(sdk.sent).toHaveLength(1);
    });

    it('needs a reply queue', async () => {
      create({ replyQueueName: undefined });
      await expect(firstValueFrom(proxy.send('a', new ServiceBusRecord(1, { sessionId: 's' })))).rejects.toThrow('replyQueueName');
      expect(sdk.sent).toEqual([]);
    });
  });

  describe('close', () => {
    it('closes the sender but not a client it was given', async () => {
      await proxy.connect();
      await proxy.close();
      expect(sdk.log).toEqual(['sender closed']);
    });
  });

  describe('constructor', () => {
    it.each<[object, string]>([
      [{ entityPath: 'q' }, 'options need a non-empty connectionString or a client'],
      [{ entityPath: 'q', connectionString: '' }, 'options need a non-empty connectionString or a client'],
      [{ connectionString: 'Endpoint=sb://x' }, 'options need an entityPath'],
    ])('rejects %p', (options, message) => {
      expect(() => new ClientServiceBus(options as never)).toThrow(message);
    });
  });
});
