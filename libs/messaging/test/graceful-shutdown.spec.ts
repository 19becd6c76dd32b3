import { Controller, Module } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { sessionQueues, startMicroservice, useEmulator } from './transport.fixture';

jest.setTimeout(30_000);

const events: string[] = [];
let markStarted!: () => void;
const started = new Promise<void>((resolve) => (markStarted = resolve));
let release!: () => void;
const released = new Promise<void>((resolve) => (release = resolve));

@Controller()
class SlowController {
  @EventPattern('slow')
  async slow() {
    events.push('handler started');
    markStarted();
    await released;
    events.push('handler finished');
  }

  @EventPattern('later')
  later() {
    events.push('later handled');
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

const fixture = useEmulator(sessionQueues({ work: {} }));

describe('ServerServiceBusSessions on the emulator: graceful shutdown', () => {
  it('stops taking sessions, lets the handler in flight finish and settle, then closes', async () => {
    const { app, server } = await startMicroservice(fixture, SlowModule, {
      entity: { queueName: 'work' },
      maxConcurrentSessions: 1,
    });
    const sender = fixture.sdk.createSender('work');
    await sender.sendMessages({ body: {}, subject: 'slow', sessionId: 'sub-1' });
    await started;
    await sender.sendMessages({ body: {}, subject: 'later', sessionId: 'sub-2' });
    await sender.close();

    let markCloseStarted!: () => void;
    const closeStarted = new Promise<void>((resolve) => (markCloseStarted = resolve));
    const close = server.close.bind(server);
    server.close = () => {
      const closing = close();
      events.push('close started');
      markCloseStarted();
      return closing;
    };
    const closed = app.close().then(() => events.push('closed'));
    await closeStarted;
    expect(events).toEqual(['handler started', 'close started']);
    release();
    await closed;

    expect(events).toEqual(['handler started', 'close started', 'handler finished', 'closed']);
    // The slow message was completed before its session was released; the later one waits.
    expect(fixture.emulator.counts('work')).toMatchObject({ active: 1, locked: 0, deadLettered: 0 });
    const receiver = await fixture.sdk.acceptNextSession('work');
    const [left] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5_000 });
    expect(left).toMatchObject({ subject: 'later', sessionId: 'sub-2', deliveryCount: 0 });
    await receiver.completeMessage(left);
    await receiver.close();
  });
});
