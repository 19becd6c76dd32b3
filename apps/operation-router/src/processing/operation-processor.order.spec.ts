import { Logger } from '@nestjs/common';
import { RemoteOperationError } from '@iomt/contracts';
import { OperationStatus, OperationType, startOperationAttempt } from '@iomt/domain';
import { processorWorld as world } from '../testing/processor-world';
import { SUBSCRIPTION } from '../testing/samples';
import { OperationInterruptedError } from './operation-interrupted.error';

const retryable = () => new RemoteOperationError({ code: 'DeploymentFailed', message: 'ARM is busy', retryable: true });
const permanent = () => new RemoteOperationError({ code: 'InvalidTemplate', message: 'bad template', retryable: false });

/** A world with operation A enqueued before B (both on the sample connector), both stored Requested. */
function twoQueued(script: Parameters<typeof world>[0] = []) {
  const w = world(script);
  const a = w.operations.seed(w.ops.connection(OperationType.CreateConnection, 0));
  const b = w.operations.seed(w.ops.mapping(1_000));
  const sentIds = () => w.dispatcher.sent.map((s) => [s.command.operationId, s.attempt]);
  return { w, a, b, sentIds };
}

describe('OperationProcessor: enqueue order', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it("runs an earlier unfinished operation before the one whose message came first; the earlier one's own message then does nothing", async () => {
    const { w, a, b, sentIds } = twoQueued();
    await expect(w.run(b)).resolves.toBe('completed');
    expect(sentIds()).toEqual([[a.id, 1], [b.id, 1]]);
    expect([w.stored(a), w.stored(b)].map((op) => op.provisioningStatus)).toEqual([OperationStatus.Completed, OperationStatus.Completed]);
    await expect(w.run(a)).resolves.toBe('skipped');
    expect(w.dispatcher.sent).toHaveLength(2);
  });

  it('does not run later operations ahead of the one a message names', async () => {
    const { w, a, b, sentIds } = twoQueued();
    await expect(w.run(a)).resolves.toBe('completed');
    expect(sentIds()).toEqual([[a.id, 1]]);
    expect(w.stored(b).provisioningStatus).toBe(OperationStatus.Requested);
  });

  it('resumes an earlier operation left Running by a crashed attempt, continuing its attempt count', async () => {
    const { w, a, b, sentIds } = twoQueued();
    w.operations.seed(startOperationAttempt(w.stored(a), new Date('2026-01-01T00:01:00Z')));
    await expect(w.run(b)).resolves.toBe('completed');
    expect(sentIds()).toEqual([[a.id, 2], [b.id, 1]]);
  });

  it("retries an earlier operation in its own document's attempts, not the later one's", async () => {
    const { w, a, b, sentIds } = twoQueued([{ error: retryable() }, { ok: true }, { ok: true }]);
    await expect(w.run(b)).resolves.toBe('completed');
    expect(sentIds()).toEqual([[a.id, 1], [a.id, 2], [b.id, 1]]);
    expect([w.stored(a).attemptCount, w.stored(b).attemptCount]).toEqual([2, 1]);
  });

  it('still runs the later operation when the earlier one fails for good', async () => {
    const { w, a, b } = twoQueued([{ error: permanent() }, { ok: true }]);
    await expect(w.run(b)).resolves.toBe('completed');
    expect(w.stored(a)).toMatchObject({ provisioningStatus: OperationStatus.Failed, exceptionDetails: 'InvalidTemplate: bad template' });
  });

  it("cancels a queued create superseded by a later delete when the delete's message comes first", async () => {
    const w = world();
    const create = w.operations.seed(w.ops.connector(OperationType.Provision, 0));
    const remove = w.operations.seed(w.ops.connector(OperationType.Deprovision, 1_000));
    await expect(w.run(remove)).resolves.toBe('completed');
    expect(w.stored(create).provisioningStatus).toBe(OperationStatus.Canceled);
    expect(w.dispatcher.sent.map((s) => s.command.operationId)).toEqual([remove.id]);
  });

  it('leaves both unfinished when the router stops during the earlier one (the message is redelivered)', async () => {
    const { w, a, b } = twoQueued(['hang']);
    const running = w.run(b);
    await waitFor(() => w.dispatcher.sent.length === 1);
    w.controller.abort(new OperationInterruptedError('stopping'));
    await expect(running).rejects.toBeInstanceOf(OperationInterruptedError);
    expect(w.stored(a)).toMatchObject({ provisioningStatus: OperationStatus.Running, attemptCount: 1 });
    expect(w.stored(b)).toMatchObject({ provisioningStatus: OperationStatus.Requested, attemptCount: 0 });
  });

  it('on a last delivery fails the earlier operation that held the message up, and nothing when there is none', async () => {
    const { w, a, b } = twoQueued();
    await expect(w.processor.failEarlierBlocker(SUBSCRIPTION, b.id, 'MaxDeliveryCountReached: 5')).resolves.toBe(a.id);
    expect(w.stored(a)).toMatchObject({ provisioningStatus: OperationStatus.Failed, exceptionDetails: 'MaxDeliveryCountReached: 5' });
    expect(w.stored(b).provisioningStatus).toBe(OperationStatus.Requested);
    await expect(w.processor.failEarlierBlocker(SUBSCRIPTION, b.id, 'again')).resolves.toBeUndefined();
    await expect(w.processor.failEarlierBlocker(SUBSCRIPTION, 'no-such-operation', 'x')).resolves.toBeUndefined();
  });
});

/** Bounded wait on an in-memory condition (microtask turns, no timers). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition not met');
}
