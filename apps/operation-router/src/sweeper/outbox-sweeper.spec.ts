import { Logger } from '@nestjs/common';
import { FixedClock, OperationType, startOperationAttempt, TransientError, type OperationMessage, type OperationPublisher } from '@iomt/domain';
import { InMemoryOperationRepository } from '../testing/in-memory-operation.repository';
import { operationsOn, sampleResources, SUBSCRIPTION } from '../testing/samples';
import { OutboxSweeper } from './outbox-sweeper';

class RecordingPublisher implements OperationPublisher {
  readonly published: OperationMessage[] = [];
  failFor = new Set<string>();

  async publish(message: OperationMessage): Promise<void> {
    if (this.failFor.has(message.operationId)) throw new TransientError('broker busy');
    this.published.push(message);
  }
}

describe('OutboxSweeper', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const enqueued = new Date('2026-01-01T00:00:00Z');
  const ops = operationsOn(sampleResources(), enqueued);

  function setup(nowIso: string) {
    const operations = new InMemoryOperationRepository();
    const publisher = new RecordingPublisher();
    const sweeper = new OutboxSweeper(operations, publisher, new FixedClock(nowIso), { intervalMs: 1_000, graceMs: 60_000 });
    return { operations, publisher, sweeper };
  }

  it('re-publishes operations still Requested past the grace period, by id in their subscription', async () => {
    const { operations, publisher, sweeper } = setup('2026-01-01T00:01:30Z');
    const stale = operations.seed(ops.connector(OperationType.Provision));
    operations.seed(ops.connector(OperationType.Patch, 60_000)); // within the grace period
    operations.seed(startOperationAttempt(ops.fhir(OperationType.Provision), enqueued)); // already picked up
    await expect(sweeper.sweep()).resolves.toBe(1);
    expect(publisher.published).toEqual([{ operationId: stale.id, subscriptionId: SUBSCRIPTION }]);
  });

  it('publishes nothing while every Requested operation is within its grace period', async () => {
    const { operations, publisher, sweeper } = setup('2026-01-01T00:00:30Z');
    operations.seed(ops.connector(OperationType.Provision));
    await expect(sweeper.sweep()).resolves.toBe(0);
    expect(publisher.published).toEqual([]);
  });

  it('keeps going when one publication is refused, and counts only the ones that went out', async () => {
    const { operations, publisher, sweeper } = setup('2026-01-01T01:00:00Z');
    const refused = operations.seed(ops.connector(OperationType.Provision));
    const accepted = operations.seed(ops.fhir(OperationType.Provision));
    publisher.failFor.add(refused.id);
    await expect(sweeper.sweep()).resolves.toBe(1);
    expect(publisher.published.map((m) => m.operationId)).toEqual([accepted.id]);
  });
});
