import type { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { CommandProgress } from './command-progress';
import { ReplyProgressSender } from './reply-progress.sender';

const MIN_MS = 1_000;

/** A command's progress over a recording `send`, under Jest's fake clock (Date.now and timers). */
function start(minIntervalMs = MIN_MS) {
  const sent: { percent: number; at: number }[] = [];
  const startedAt = Date.now();
  const progress = new CommandProgress(async (percent) => void sent.push({ percent, at: Date.now() - startedAt }), minIntervalMs);
  return { progress, sent };
}

describe('CommandProgress', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('sends nothing for a command that ends within the minimum: its reports are held, then dropped', async () => {
    const { progress, sent } = start();
    await progress.report(20);
    await jest.advanceTimersByTimeAsync(500);
    await progress.report(90);
    await progress.end();
    await jest.advanceTimersByTimeAsync(10 * MIN_MS);
    expect(sent).toEqual([]);
  });

  it('sends a held report once the command has run the minimum, the latest percent winning', async () => {
    const { progress, sent } = start();
    await progress.report(10);
    await progress.report(20);
    await jest.advanceTimersByTimeAsync(MIN_MS - 1);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ percent: 20, at: MIN_MS }]);
  });

  it('sends at once a report made after the minimum, then at most one per interval', async () => {
    const { progress, sent } = start();
    await jest.advanceTimersByTimeAsync(1_500);
    await progress.report(20);
    await jest.advanceTimersByTimeAsync(200);
    await progress.report(50);
    await progress.report(60);
    await jest.advanceTimersByTimeAsync(2_000);
    await progress.report(90);
    expect(sent).toEqual([
      { percent: 20, at: 1_500 },
      { percent: 60, at: 2_500 },
      { percent: 90, at: 3_700 },
    ]);
  });

  it('drops a held report when the command ends before its time, and sends nothing after the end', async () => {
    const { progress, sent } = start();
    await jest.advanceTimersByTimeAsync(MIN_MS);
    await progress.report(20);
    await progress.report(90);
    await progress.end();
    await progress.report(95);
    await jest.advanceTimersByTimeAsync(10 * MIN_MS);
    expect(sent.map((s) => s.percent)).toEqual([20]);
  });

  it('sends every report at once, in order, with a minimum of 0', async () => {
    const { progress, sent } = start(0);
    for (const percent of [10, 50, 90]) await progress.report(percent);
    expect(sent).toEqual([10, 50, 90].map((percent) => ({ percent, at: 0 })));
  });

  it('waits for a report on its way before it ends, so no progress follows the reply', async () => {
    let release: () => void = () => undefined;
    const sent: number[] = [];
    const progress = new CommandProgress(
      (percent) => new Promise<void>((resolve) => (release = () => resolve(void sent.push(percent)))),
      0,
    );
    void progress.report(40);
    let ended = false;
    const ending = progress.end().then(() => (ended = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(ended).toBe(false);
    release();
    await ending;
    expect(sent).toEqual([40]);
  });

  it.each([-1, 0.5, Number.NaN])('refuses a minimum interval of %p ms', (minIntervalMs) => {
    expect(() => new CommandProgress(async () => undefined, minIntervalMs)).toThrow(RangeError);
  });
});

describe('ReplyProgressSender.forCommand', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const request = { messageId: 'op-1-1', subject: 'fhir-service.provision', replyTo: 'operation-replies', replyToSessionId: 'op-1', body: {} };
  const sinkOf = (sent: ServiceBusMessage[]) => ({ send: async (_: string, message: ServiceBusMessage) => void sent.push(message), close: async () => undefined });

  it.each([
    { commandProgressMinMs: undefined, expected: [{ percentComplete: 20 }, { percentComplete: 90 }] },
    { commandProgressMinMs: 0, expected: [{ percentComplete: 20 }, { percentComplete: 90 }] },
    { commandProgressMinMs: MIN_MS, expected: [] },
  ])('sends $expected.length reports of a fast command with a minimum of $commandProgressMinMs ms', async ({ commandProgressMinMs, expected }) => {
    const sent: ServiceBusMessage[] = [];
    const sink = sinkOf(sent);
    const progress = new ReplyProgressSender(() => sink, { commandProgressMinMs }).forCommand(request as unknown as ServiceBusReceivedMessage);
    await progress.report(20);
    await progress.report(90);
    await progress.end();
    expect(sent.map((m) => m.body)).toEqual(expected);
  });
});
