import { MessageHandler } from '@nestjs/microservices';
import { of } from 'rxjs';
import {
  FakeMessageSink,
  FakeSessionSettlement,
  FakeSessionSource,
  quiet,
  receivedMessage,
} from '../testing/fake-session-source';
import { ServerServiceBusSessions } from './server-service-bus-sessions';
import { ServiceBusContext } from './service-bus.context';
import { currentTraceContext } from './trace-context';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('ServerServiceBusSessions', () => {
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

  describe('listen', () => {
    it('starts the session source and reports connected', async () => {
      const statuses: string[] = [];
      server.status.subscribe((s) => statuses.push(s));
      expect(source.events).toEqual(['start']);
      expect(statuses).toEqual(['connected']);
    });

    it('passes a start failure to the callback', async () => {
      const failing = new FakeSessionSource();
      failing.startError = new Error('no connection');
      const other = new ServerServiceBusSessions({ entity: { queueName: 'q' }, sessionSource: failing, messageSink: sink });
      const error = await new Promise((resolve) => other.listen(resolve));
      expect(error).toEqual(new Error('no connection'));
    });
  });

  describe('constructor', () => {
    it.each([[{ connectionString: '' }], [{ connectionString: '  ' }], [{}]])('rejects options without a connection: %p', (conn) => {
      expect(() => new ServerServiceBusSessions({ entity: { queueName: 'q' }, ...(conn as { connectionString: string }) })).toThrow(
        'options need a non-empty connectionString or a client',
      );
    });
  });

  describe('handleMessage', () => {
    it('routes an event by subject to its handler with the JSON body, then completes it', async () => {
      const seen: unknown[] = [];
      handle('device.created', async (data) => seen.push(data), true);
      handle('other', async () => seen.push('wrong'), true);
      await source.deliver(receivedMessage({ subject: 'device.created', body: { id: 7 } }), session);
      expect(seen).toEqual([{ id: 7 }]);
      expect(session.calls).toEqual(['complete m-1']);
      expect(sink.sent).toEqual([]);
    });

    it('routes object patterns the way Nest normalises them', async () => {
      handle(JSON.stringify({ cmd: 'sum' }), async () => 3);
      await source.deliver(receivedMessage({ subject: '{"cmd":"sum"}', body: [1, 2] }), session);
      expect(session.calls).toEqual(['complete m-1']);
    });

    it('replies to a request in the reply session with the correlation id, then completes', async () => {
      handle('sum', async (data) => (data as number[]).reduce((a, b) => a + b, 0));
      await source.deliver(receivedMessage({ subject: 'sum', body: [1, 2, 3], ...request }), session);
      expect(sink.sent).toEqual([
        {
          entityPath: 'replies',
          message: expect.objectContaining({
            body: { ok: true, result: 6 },
            sessionId: 'reply-session',
            correlationId: 'corr-1',
            subject: 'sum.reply',
          }),
        },
      ]);
      expect(session.calls).toEqual(['complete m-1']);
    });

    it("uses the request's message id as correlation id when it has none", async () => {
      handle('ping', async () => 'pong');
      await source.deliver(receivedMessage({ subject: 'ping', body: null, replyTo: 'replies', messageId: 'm-9' }), session);
      expect(sink.sent[0].message).toMatchObject({ correlationId: 'm-9', body: { ok: true, result: 'pong' } });
    });

    it('replies with the last value of an observable result', async () => {
      handle('stream', () => of(1, 2, 3));
      await source.deliver(receivedMessage({ subject: 'stream', body: {}, ...request }), session);
      expect(sink.sent[0].message.body).toEqual({ ok: true, result: 3 });
    });

    it('replies to an event-less result with a bare ok', async () => {
      handle('void', async () => undefined);
      await source.deliver(receivedMessage({ subject: 'void', body: {}, ...request }), session);
      expect(sink.sent[0].message.body).toEqual({ ok: true });
    });

    it('gives the handler the message, session, subject, trace context and session state', async () => {
      session.state = { step: 1 };
      let seen: Record<string, unknown> = {};
      handle('work', async (_data, ctx) => {
        await ctx.setSessionState({ step: 2 });
        seen = {
          sessionId: ctx.getSessionId(),
          subject: ctx.getSubject(),
          pattern: ctx.getPattern(),
          messageId: ctx.getMessage().messageId,
          trace: ctx.getTraceContext(),
          ambient: currentTraceContext(),
          state: await ctx.getSessionState(),
          renewed: await ctx.renewSessionLock(),
        };
      });
      const traced = { applicationProperties: { traceparent: PARENT } };
      await source.deliver(receivedMessage({ subject: 'work', body: {}, ...request, ...traced }), session);
      expect(seen).toEqual({
        sessionId: 'session-1',
        subject: 'work',
        pattern: 'work',
        messageId: 'm-1',
        trace: { traceparent: PARENT },
        ambient: { traceparent: PARENT },
        state: { step: 2 },
        renewed: new Date(0),
      });
      expect(sink.sent[0].message.applicationProperties).toEqual({ contractVersion: '1.0', traceparent: PARENT, 'Diagnostic-Id': PARENT });
    });

    it('runs the handler inside the processing hooks', async () => {
      const order: string[] = [];
      server.setOnProcessingStartHook((_t, _c, done) => {
        order.push('start');
        return done();
      });
      server.setOnProcessingEndHook(() => order.push('end'));
      handle('work', async () => order.push('handler'), true);
      await source.deliver(receivedMessage({ subject: 'work', body: {} }), session);
      expect(order).toEqual(['start', 'handler', 'end']);
    });
  });

  describe('close', () => {
    it('stops the source (draining it) before closing the sink, and reports disconnected', async () => {
      const order: string[] = [];
      source.stop = async () => void order.push('source stopped');
      sink.close = async () => void order.push('sink closed');
      const statuses: string[] = [];
      server.status.subscribe((s) => statuses.push(s));
      await server.close();
      expect(order).toEqual(['source stopped', 'sink closed']);
      expect(statuses).toEqual(['connected', 'disconnected']);
    });
  });

  describe('unwrap', () => {
    it('refuses before a client exists', () => {
      expect(() => server.unwrap()).toThrow('Not initialized');
    });
  });
});
