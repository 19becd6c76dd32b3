import { Logger } from '@nestjs/common';
import type { ServiceBusContext } from '@iomt/messaging';
import type { OperationDelivery, OperationProcessor, ProcessingResult } from '../processing/operation-processor';
import { OperationInterruptedError } from '../processing/operation-interrupted.error';
import { OperationRequestedController } from './operation-requested.controller';
import { RouterShutdown } from './router-shutdown';

const SUB = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
const OP = '9d4c1c1e-7f0a-4a51-9a55-0c2b6f0f7e11';

/** The processor's entry points, recorded; `outcome` decides what `process` does, `blocker` what runs ahead. */
class FakeProcessor {
  readonly processed: OperationDelivery[] = [];
  readonly poisoned: [string, string, string][] = [];
  readonly blockersFailed: [string, string, string][] = [];
  outcome: () => Promise<ProcessingResult> = async () => 'completed';
  blocker: () => Promise<string | undefined> = async () => undefined;

  async failEarlierBlocker(subscriptionId: string, _operationId: string, reason: string): Promise<string | undefined> {
    const blocker = await this.blocker();
    if (blocker !== undefined) this.blockersFailed.push([subscriptionId, blocker, reason]);
    return blocker;
  }

  process(delivery: OperationDelivery): Promise<ProcessingResult> {
    this.processed.push(delivery);
    return this.outcome();
  }

  async failPoisoned(subscriptionId: string, operationId: string, reason: string): Promise<void> {
    this.poisoned.push([subscriptionId, operationId, reason]);
  }
}

/** A received message's context, recording how it was settled. */
function contextFor(deliveryCount: number) {
  const settled: string[] = [];
  const context = {
    getSessionId: () => SUB,
    getMessage: () => ({ messageId: 'm1', deliveryCount }),
    complete: async () => void settled.push('complete'),
    abandon: async () => void settled.push('abandon'),
    deadLetter: async (reason: string) => void settled.push(`deadLetter:${reason}`),
    renewSessionLock: async () => new Date(),
  };
  return { context: context as unknown as ServiceBusContext, settled };
}

describe('OperationRequestedController', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const settings = { maxAttempts: 3, retryBaseDelayMs: 1, retryMaxDelayMs: 1, maxDeliveryCount: 5, lockRenewalIntervalMs: 60_000, progressIntervalMs: 0 };
  const body = { operationId: OP, subscriptionId: SUB };

  function setup() {
    const processor = new FakeProcessor();
    const controller = new OperationRequestedController(processor as unknown as OperationProcessor, new RouterShutdown(), settings);
    return { processor, controller };
  }

  it.each<[string, () => Promise<ProcessingResult>, string]>([
    ['completes the message once the operation ended', async () => 'completed', 'complete'],
    ['completes the message of a missing operation (nothing to do)', async () => 'missing', 'complete'],
    ['abandons it when the router stops mid-operation (redelivered, resumed)', async () => Promise.reject(new OperationInterruptedError('stop')), 'abandon'],
    ['abandons it when the Global DB fails', async () => Promise.reject(new Error('ECONNRESET')), 'abandon'],
  ])('%s', async (_label, outcome, settlement) => {
    const { processor, controller } = setup();
    processor.outcome = outcome;
    const { context, settled } = contextFor(0);
    await controller.onOperationRequested(body, context);
    expect(processor.processed).toEqual([expect.objectContaining({ subscriptionId: SUB, operationId: OP })]);
    expect(settled).toEqual([settlement]);
  });

  it('dead-letters an unreadable message after failing the operation it names', async () => {
    const { processor, controller } = setup();
    const { context, settled } = contextFor(0);
    await controller.onOperationRequested({ operationId: OP }, context);
    expect(processor.processed).toEqual([]);
    expect(processor.poisoned).toEqual([[SUB, OP, expect.stringMatching(/^InvalidMessage: .*subscriptionId/)]]);
    expect(settled).toEqual(['deadLetter:InvalidMessage']);
  });

  it('dead-letters an unreadable message naming no operation without failing anything', async () => {
    const { processor, controller } = setup();
    const { context, settled } = contextFor(0);
    await controller.onOperationRequested('not an operation', context);
    expect(processor.poisoned).toEqual([]);
    expect(settled).toEqual(['deadLetter:InvalidMessage']);
  });

  it.each([
    [3, 'processes the 4th delivery', ['complete']],
    [4, 'treats the 5th (last allowed) delivery as poison', ['deadLetter:MaxDeliveryCountReached']],
  ])('with deliveryCount %i %s', async (deliveryCount, _label, settlement) => {
    const { processor, controller } = setup();
    const { context, settled } = contextFor(deliveryCount);
    await controller.onOperationRequested(body, context);
    expect(settled).toEqual(settlement);
    expect(processor.poisoned.length).toBe(settlement[0] === 'complete' ? 0 : 1);
  });

  it('abandons a poison message when its operation cannot be marked Failed, rather than drop it', async () => {
    const { processor, controller } = setup();
    processor.failPoisoned = async () => Promise.reject(new Error('Cosmos is down'));
    const { context, settled } = contextFor(4);
    await controller.onOperationRequested(body, context);
    expect(settled).toEqual(['abandon']);
  });

  it('on the last delivery fails the earlier operation that held the message up, then still processes the one it names', async () => {
    const { processor, controller } = setup();
    const EARLIER = '1f0b7c1e-0000-4a51-9a55-0c2b6f0f7e11';
    processor.blocker = async () => EARLIER;
    const { context, settled } = contextFor(4);
    await controller.onOperationRequested(body, context);
    expect(processor.blockersFailed).toEqual([[SUB, EARLIER, expect.stringMatching(/^MaxDeliveryCountReached: .*5 times/)]]);
    expect(processor.poisoned).toEqual([]);
    expect(processor.processed).toEqual([expect.objectContaining({ operationId: OP })]);
    expect(settled).toEqual(['complete']);
  });

  it('abandons the last delivery when the operations ahead of it cannot be read, failing nothing', async () => {
    const { processor, controller } = setup();
    processor.blocker = async () => Promise.reject(new Error('Cosmos is down'));
    const { context, settled } = contextFor(4);
    await controller.onOperationRequested(body, context);
    expect([processor.poisoned, processor.processed]).toEqual([[], []]);
    expect(settled).toEqual(['abandon']);
  });
});
