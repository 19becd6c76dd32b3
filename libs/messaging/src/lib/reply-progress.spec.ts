import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { Logger } from '@nestjs/common';
import { heartbeatMessageFor, progressMessageFor, progressOf, ReplyHeartbeat, ReplyProgress } from './reply-progress';
import { ReplyProgressSender } from './reply-progress.sender';

const request = {
  messageId: 'op-1-1',
  subject: 'fhir-service.provision',
  replyTo: 'operation-replies',
  replyToSessionId: 'op-1',
  body: {},
} as unknown as ServiceBusReceivedMessage;

describe('progressMessageFor', () => {
  it("goes on the request's reply path with the request's correlation id and a .progress subject", () => {
    expect(progressMessageFor(request, 40, { v: '1' })).toEqual({
      body: { percentComplete: 40 },
      contentType: 'application/json',
      subject: 'fhir-service.provision.progress',
      sessionId: 'op-1',
      correlationId: 'op-1-1',
      applicationProperties: { v: '1' },
    });
  });

  it.each([-1, 101, Number.NaN])('refuses %p percent', (percent) => {
    expect(() => progressMessageFor(request, percent, {})).toThrow();
  });
});

describe('heartbeatMessageFor', () => {
  it('is a progress message without a percentage, on the same reply path', () => {
    expect(heartbeatMessageFor(request, { v: '1' })).toEqual({
      ...progressMessageFor(request, 0, { v: '1' }),
      body: {},
    });
  });
});

describe('progressOf', () => {
  it.each([
    ['a reply', { subject: 'x.reply', body: { ok: true, result: 1 } }, undefined],
    ['a message without subject', { body: {} }, undefined],
    ['a progress message', { subject: 'x.progress', body: { percentComplete: 75 } }, new ReplyProgress(75)],
    ['a heartbeat', { subject: 'x.progress', body: {} }, new ReplyHeartbeat()],
  ])('reads %s', (_what, message, expected) => {
    expect(progressOf(message as ServiceBusReceivedMessage)).toStrictEqual(expected);
  });

  it.each([
    [{ percentComplete: 'half' }, 'percentComplete'],
    [{ percentComplete: 120 }, 'percentComplete'],
    [{ percentComplete: 5, extra: true }, 'extra'],
    [null, 'Progress message m-7 has an invalid body'],
  ])('names the problem of the progress body %p', (body, problem) => {
    expect(() => progressOf({ subject: 'x.progress', body, messageId: 'm-7' })).toThrow(problem);
  });
});

describe('ReplyProgressSender', () => {
  const sent: { entityPath: string; message: ServiceBusMessage }[] = [];
  const sink = { send: jest.fn(async (entityPath: string, message: ServiceBusMessage) => void sent.push({ entityPath, message })), close: jest.fn() };

  beforeEach(() => {
    sent.length = 0;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it("sends the progress to the request's replyTo entity", async () => {
    await new ReplyProgressSender(() => sink).report(request, 30);
    expect(sent).toEqual([{ entityPath: 'operation-replies', message: expect.objectContaining({ body: { percentComplete: 30 }, sessionId: 'op-1' }) }]);
  });

  it('sends nothing about a message that is not a request', async () => {
    await new ReplyProgressSender(() => sink).report({ ...request, replyTo: undefined } as ServiceBusReceivedMessage, 30);
    expect(sent).toEqual([]);
  });

  it('logs a failure to send and never throws it (progress is advisory)', async () => {
    const failing = { send: jest.fn(async () => Promise.reject(new Error('link detached'))), close: jest.fn() };
    await expect(new ReplyProgressSender(() => failing).report(request, 30)).resolves.toBeUndefined();
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining('Could not report 30% progress of request op-1-1: link detached'));
  });

  it('logs a bad percentage instead of sending it', async () => {
    await new ReplyProgressSender(() => sink).report(request, 150);
    expect(sent).toEqual([]);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining('Could not report 150% progress'));
  });
});
