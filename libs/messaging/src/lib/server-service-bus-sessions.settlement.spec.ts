import { TransientError, ValidationError } from '@iomt/domain';
import { MessageHandler } from '@nestjs/microservices';
import { throwError } from 'rxjs';
import {
  FakeMessageSink,
  FakeSessionSettlement,
  FakeSessionSource,
  quiet,
  receivedMessage,
} from '../testing/fake-session-source';
import { ServerServiceBusSessions } from './server-service-bus-sessions';
import { ServiceBusContext } from './service-bus.context';
import { createSettlementPolicy, SettlementAction } from './settlement.policy';

describe('ServerServiceBusSessions settlement', () => {
  let source: FakeSessionSource;
  let sink: FakeMessageSink;
  let server: ServerServiceBusSessions;
  let session: FakeSessionSettlement;

  const handle = (pattern: string, fn: (data: unknown, ctx: ServiceBusContext) => unknown, isEvent = false) =>
    server.addHandler(pattern, fn as MessageHandler, isEvent);
  const request = { replyTo: 'replies', replyToSessionId: 'reply-session', correlationId: 'corr-1' };

  beforeEach(async () => {
    source = new FakeSessionSource();
    sink = new FakeMessageSink();
    session = new FakeSessionSettlement();
    server = new ServerServiceBusSessions({ entity: { queueName: 'q' }, sessionSource: source, messageSink: sink });
    quiet(server);
    await new Promise<void>((resolve, reject) => server.listen((e) => (e ? reject(e) : resolve())));
  });

  describe('handleMessage', () => {
    it('answers a request that failed retryably with a retryable error reply, then completes it (the requester retries)', async () => {
      handle('work', async () => {
        throw new TransientError('cosmos busy');
      });
      await source.deliver(receivedMessage({ subject: 'work', body: {}, ...request }), session);
      expect(sink.sent).toEqual([
        {
          entityPath: 'replies',
          message: expect.objectContaining({
            sessionId: 'reply-session',
            correlationId: 'corr-1',
            body: { ok: false, error: { code: 'ServiceUnavailable', message: 'cosmos busy', retryable: true } },
          }),
        },
      ]);
      expect(session.calls).toEqual(['complete m-1']);
    });

    it('abandons an event that failed retryably, without replying', async () => {
      handle('work', async () => {
        throw new TransientError('cosmos busy');
      }, true);
      await source.deliver(receivedMessage({ subject: 'work', body: {} }), session);
      expect(session.calls).toEqual(['abandon m-1']);
      expect(sink.sent).toEqual([]);
    });

    it('abandons a failed request whose error reply cannot be sent, so that its redelivery answers it', async () => {
      const errors: unknown[] = [];
      server.on('error', (e) => errors.push(e));
      sink.failWith = Object.assign(new Error('server busy'), { code: 'ServiceBusy', retryable: true });
      handle('work', async () => {
        throw new TransientError('cosmos busy');
      });
      await source.deliver(receivedMessage({ subject: 'work', body: {}, ...request }), session);
      expect(session.calls).toEqual(['abandon m-1']);
      expect(errors).toEqual([sink.failWith]);
    });

    it('answers a request whose handler failed unexpectedly (abandon by default) and completes it', async () => {
      handle('work', async () => {
        throw new Error('bug');
      });
      await source.deliver(receivedMessage({ subject: 'work', body: {}, ...request }), session);
      expect(sink.sent.map((s) => s.message.body)).toEqual([
        { ok: false, error: { code: 'InternalServerError', message: 'Internal server error.', retryable: true } },
      ]);
      expect(session.calls).toEqual(['complete m-1']);
    });

    it('dead-letters on a permanent error with code and message, and replies with the error', async () => {
      handle('work', () => throwError(() => new ValidationError('name is too long', { target: 'name' })));
      await source.deliver(receivedMessage({ subject: 'work', body: {}, ...request }), session);
      expect(session.calls).toEqual(['deadLetter m-1 InvalidRequestContent: name is too long']);
      expect(sink.sent[0].message.body).toEqual({
        ok: false,
        error: { code: 'InvalidRequestContent', message: 'name is too long', target: 'name', retryable: false },
      });
    });

    it('abandons an unclassified error by default', async () => {
      handle('work', async () => {
        throw new Error('bug');
      }, true);
      await source.deliver(receivedMessage({ subject: 'work', body: {} }), session);
      expect(session.calls).toEqual(['abandon m-1']);
    });

    it('never sends the text of an unclassified error to the requester or the dead-letter queue', async () => {
      const strict = new ServerServiceBusSessions({
        entity: { queueName: 'q' },
        sessionSource: source,
        messageSink: sink,
        settlementPolicy: createSettlementPolicy({ onUnknownError: SettlementAction.DeadLetter }),
      });
      quiet(strict);
      await new Promise((resolve) => strict.listen(resolve));
      strict.addHandler('work', (async () => {
        throw new Error('password=hunter2');
      }) as MessageHandler);
      await source.deliver(receivedMessage({ subject: 'work', body: {}, ...request }), session);
      expect(sink.sent[0].message.body).toEqual({
        ok: false,
        error: { code: 'InternalServerError', message: 'Internal server error.', retryable: true },
      });
      expect(session.calls).toEqual(['deadLetter m-1 UnhandledError: Error; the error text is in the service log']);
    });

    it('follows a configured settlement policy', async () => {
      const custom = new ServerServiceBusSessions({
        entity: { queueName: 'q' },
        sessionSource: source,
        messageSink: sink,
        settlementPolicy: () => ({ action: SettlementAction.Complete }),
      });
      quiet(custom);
      await new Promise((resolve) => custom.listen(resolve));
      custom.addHandler('work', (async () => {
        throw new ValidationError('x');
      }) as MessageHandler, true);
      await source.deliver(receivedMessage({ subject: 'work', body: {} }), session);
      expect(session.calls).toEqual(['complete m-1']);
    });

    it.each([
      ['an event', {}],
      ['a request', request],
    ])('dead-letters %s with no handler', async (_name, extra) => {
      await source.deliver(receivedMessage({ subject: 'unknown', body: {}, ...extra }), session);
      expect(session.calls).toEqual([
        'deadLetter m-1 NoHandler: There is no matching message handler defined in the remote service.',
      ]);
      expect(sink.sent.map((s) => s.message.body)).toEqual(
        'replyTo' in extra ? [{ ok: false, error: expect.objectContaining({ code: 'NoHandler' }) }] : [],
      );
    });

    it.each([
      ['no subject', { body: {} }, 'The message has no subject, so no handler can be chosen'],
      ['an empty subject', { subject: '', body: {} }, 'The message has no subject, so no handler can be chosen'],
      ['a body that is not JSON', { subject: 'work', body: Buffer.from([0xff, 0x00]) }, 'The body of message m-1 is not JSON'],
    ])('dead-letters a message with %s as malformed', async (_name, fields, description) => {
      handle('work', async () => 'never');
      await source.deliver(receivedMessage(fields), session);
      expect(session.calls).toEqual([`deadLetter m-1 MalformedMessage: ${description}`]);
    });

    it('leaves a message the handler settled itself alone', async () => {
      handle('work', async (_data, ctx) => {
        await ctx.deadLetter('Custom', 'handled here');
        throw new TransientError('after settling');
      }, true);
      await source.deliver(receivedMessage({ subject: 'work', body: {} }), session);
      expect(session.calls).toEqual(['deadLetter m-1 Custom: handled here']);
    });

    it('applies the policy to a failed reply: a permanent send error dead-letters', async () => {
      sink.failWith = Object.assign(new Error('no such queue'), { code: 'MessagingEntityNotFound', retryable: false });
      handle('work', async () => 1);
      await source.deliver(receivedMessage({ subject: 'work', body: {}, ...request }), session);
      expect(session.calls).toEqual(['deadLetter m-1 MessagingEntityNotFound: no such queue']);
    });

    it('reports a settlement failure instead of rejecting', async () => {
      const errors: unknown[] = [];
      server.on('error', (e) => errors.push(e));
      session.failWith = new Error('lock lost');
      handle('work', async () => 1, true);
      await expect(source.deliver(receivedMessage({ subject: 'work', body: {} }), session)).resolves.toBeUndefined();
      expect(errors).toEqual([new Error('lock lost')]);
    });

  });
});
