import { ValidationError } from '@iomt/domain';
import { buildOutgoingMessage, OutgoingMessageSource } from './outgoing-message';
import { ServiceBusRecord, ServiceBusRecordBuilder } from './service-bus.record-builder';
import { W3CTracePropagator } from './trace-propagator';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const base: OutgoingMessageSource = { subject: 'op.start', data: { id: 1 }, propagator: new W3CTracePropagator() };

describe('buildOutgoingMessage', () => {
  it('sends plain data as a JSON body under the pattern, in the default session, with a fresh message id', () => {
    const message = buildOutgoingMessage({ ...base, defaultSessionId: 'sub-1' });
    expect(message).toMatchObject({ body: { id: 1 }, subject: 'op.start', sessionId: 'sub-1', contentType: 'application/json' });
    expect(message.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes every broker property from a record', () => {
    const when = new Date('2030-01-01T00:00:00Z');
    const record = new ServiceBusRecord(
      { id: 2 },
      {
        sessionId: 'sub-2',
        subject: 'custom',
        messageId: 'm-2',
        correlationId: 'c-2',
        timeToLive: 60_000,
        scheduledEnqueueTimeUtc: when,
        replyTo: 'operation-replies',
        replyToSessionId: 'op-2',
        applicationProperties: { tenant: 't', traceparent: PARENT },
      },
    );
    expect(buildOutgoingMessage({ ...base, data: record, defaultSessionId: 'ignored' })).toEqual({
      body: { id: 2 },
      contentType: 'application/json',
      subject: 'custom',
      sessionId: 'sub-2',
      messageId: 'm-2',
      correlationId: 'c-2',
      timeToLive: 60_000,
      scheduledEnqueueTimeUtc: when,
      replyTo: 'operation-replies',
      replyToSessionId: 'op-2',
      applicationProperties: { contractVersion: '1.0', tenant: 't', traceparent: PARENT, 'Diagnostic-Id': PARENT },
    });
  });

  it('asks a resolver for the session of messages whose record names none', () => {
    const resolver = jest.fn((_subject: string, data: unknown) => (data as { sub: string }).sub);
    const message = buildOutgoingMessage({ ...base, data: { sub: 'abc' }, defaultSessionId: resolver });
    expect(resolver).toHaveBeenCalledWith('op.start', { sub: 'abc' });
    expect(message.sessionId).toBe('abc');
  });

  it('propagates an explicit trace context of the record', () => {
    const record = new ServiceBusRecordBuilder({ x: 1 }).setOptions({ sessionId: 's', traceContext: { traceparent: PARENT } }).build();
    expect(buildOutgoingMessage({ ...base, data: record }).applicationProperties).toEqual({
      contractVersion: '1.0',
      traceparent: PARENT,
      'Diagnostic-Id': PARENT,
    });
  });

  it.each<[string, Partial<OutgoingMessageSource>, string, string]>([
    ['no session at all', {}, 'sessionId', 'sessionId is required'],
    ['a resolver that finds none', { defaultSessionId: () => undefined }, 'sessionId', 'sessionId is required'],
    ['an empty session id', { defaultSessionId: '' }, 'sessionId', 'sessionId is required'],
    ['a session id over 128 characters', { defaultSessionId: 's'.repeat(129) }, 'sessionId', 'longer than 128'],
    ['a reply session id over 128 characters', { data: new ServiceBusRecord(1, { sessionId: 's', replyToSessionId: 'r'.repeat(129) }) }, 'replyToSessionId', 'longer than 128'],
    ['a negative time to live', { data: new ServiceBusRecord(1, { sessionId: 's', timeToLive: -1 }) }, 'timeToLive', 'positive number'],
    ['a NaN time to live', { data: new ServiceBusRecord(1, { sessionId: 's', timeToLive: Number.NaN }) }, 'timeToLive', 'positive number'],
  ])('rejects %s with a ValidationError naming the property', (_name, overrides, target, text) => {
    const attempt = () => buildOutgoingMessage({ ...base, ...overrides });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(text);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'InvalidParameter', target });
    }
  });
});
