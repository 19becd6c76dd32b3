import { Logger } from '@nestjs/common';
import { RemoteOperationError } from '@iomt/contracts';
import {
  completedOperationId,
  OperationStatus,
  OperationType,
  ResourceState,
  succeedOperation,
  startOperationAttempt,
} from '@iomt/domain';
import { processorWorld as world } from '../testing/processor-world';
import { SUBSCRIPTION } from '../testing/samples';
import { OperationInterruptedError } from './operation-interrupted.error';

const retryable = () => new RemoteOperationError({ code: 'DeploymentFailed', message: 'ARM is busy', retryable: true });
const permanent = () => new RemoteOperationError({ code: 'InvalidTemplate', message: 'bad template', retryable: false });

describe('OperationProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('runs a Requested operation to Completed, moves its resource and archives it once', async () => {
    const w = world([{ ok: true }]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    await expect(w.run(operation)).resolves.toBe('completed');
    expect(w.stored(operation)).toMatchObject({
      provisioningStatus: OperationStatus.Completed,
      attemptCount: 1,
      percentComplete: 100,
      timeEnded: '2026-01-01T00:05:00.000Z',
    });
    expect(w.dispatcher.sent.map((s) => [s.command.subject, s.attempt])).toEqual([['iomt-connector.provision', 1]]);
    expect(w.connectorState()).toBe(ResourceState.Provisioned);
    expect(w.operations.completedWrites.get(completedOperationId(operation.id))).toBe(1);
    expect(w.operations.completed.get(completedOperationId(operation.id))?.operation.provisioningStatus).toBe(OperationStatus.Completed);
  });

  it('retries a retryable failure and counts each attempt in the document', async () => {
    const w = world([{ error: retryable() }, { ok: true }]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    await expect(w.run(operation)).resolves.toBe('completed');
    expect(w.dispatcher.sent.map((s) => s.attempt)).toEqual([1, 2]);
    expect(w.stored(operation)).toMatchObject({ provisioningStatus: OperationStatus.Completed, attemptCount: 2 });
  });

  it('fails with exceptionDetails once retryable failures use up the attempts', async () => {
    const w = world([{ error: retryable() }, { error: retryable() }, { error: retryable() }, { ok: true }], 3);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    await expect(w.run(operation)).resolves.toBe('failed');
    expect(w.dispatcher.sent.map((s) => s.attempt)).toEqual([1, 2, 3]);
    expect(w.stored(operation)).toMatchObject({
      provisioningStatus: OperationStatus.Failed,
      attemptCount: 3,
      exceptionDetails: 'DeploymentFailed: ARM is busy',
    });
    expect(w.connectorState()).toBe(ResourceState.Failed);
    expect(w.operations.completed.has(completedOperationId(operation.id))).toBe(true);
  });

  it('fails at once on a non-retryable failure', async () => {
    const w = world([{ error: permanent() }]);
    const operation = w.operations.seed(w.ops.fhir(OperationType.Provision));
    await expect(w.run(operation)).resolves.toBe('failed');
    expect(w.dispatcher.sent).toHaveLength(1);
    expect(w.stored(operation)).toMatchObject({ provisioningStatus: OperationStatus.Failed, exceptionDetails: 'InvalidTemplate: bad template' });
  });

  it('fails an operation no handler takes without sending anything', async () => {
    const w = world([], 3, false);
    const operation = w.operations.seed(w.ops.connector(OperationType.RotateKeys));
    await expect(w.run(operation)).resolves.toBe('failed');
    expect(w.dispatcher.sent).toEqual([]);
    expect(w.stored(operation).exceptionDetails).toMatch(/^OperationNotFound: /);
  });

  it('skips a terminal operation (a duplicate message) but repairs its archive record', async () => {
    const w = world();
    const done = succeedOperation(startOperationAttempt(w.ops.connector(OperationType.RotateKeys), new Date()), new Date());
    const operation = w.operations.seed(done);
    await expect(w.run(operation)).resolves.toBe('skipped');
    expect(w.dispatcher.sent).toEqual([]);
    expect(w.operations.completed.has(completedOperationId(operation.id))).toBe(true);
  });

  it('reports a missing operation without failing', async () => {
    const w = world();
    await expect(w.run(w.ops.connector(OperationType.Provision))).resolves.toBe('missing');
    expect(w.dispatcher.sent).toEqual([]);
  });

  it('resumes a Running operation after a crash with the next attempt number', async () => {
    const w = world([{ ok: true }]);
    const crashed = startOperationAttempt(w.ops.connector(OperationType.Provision), new Date('2026-01-01T00:01:00Z'));
    const operation = w.operations.seed(crashed);
    await expect(w.run(operation)).resolves.toBe('completed');
    expect(w.dispatcher.sent.map((s) => s.attempt)).toEqual([2]);
    expect(w.stored(operation).attemptCount).toBe(2);
  });

  it('fails a redelivered operation whose attempts are used up, without running it again', async () => {
    const w = world([], 2);
    let crashed = w.ops.connector(OperationType.Provision);
    for (let i = 0; i < 2; i += 1) crashed = startOperationAttempt(crashed, new Date('2026-01-01T00:01:00Z'));
    const operation = w.operations.seed(crashed);
    await expect(w.run(operation)).resolves.toBe('failed');
    expect(w.dispatcher.sent).toEqual([]);
    expect(w.stored(operation)).toMatchObject({ provisioningStatus: OperationStatus.Failed, exceptionDetails: 'Gave up after 2 attempts: no attempt completed' });
  });

  it('stops when another replica ended the operation first (lost ETag race)', async () => {
    const w = world();
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    w.operations.beforeUpdate = (next) => {
      w.operations.beforeUpdate = undefined;
      const elsewhere = succeedOperation(startOperationAttempt(w.stored(next), new Date()), new Date());
      w.operations.seed(elsewhere);
    };
    await expect(w.run(operation)).resolves.toBe('skipped');
    expect(w.dispatcher.sent).toEqual([]);
    expect(w.stored(operation).attemptCount).toBe(1);
  });

  it('cancels a queued create superseded by a later delete, without sending it', async () => {
    const w = world();
    const create = w.operations.seed(w.ops.connector(OperationType.Provision));
    w.operations.seed(w.ops.connector(OperationType.Deprovision, 1_000));
    await expect(w.run(create)).resolves.toBe('canceled');
    expect(w.dispatcher.sent).toEqual([]);
    expect(w.stored(create)).toMatchObject({ provisioningStatus: OperationStatus.Canceled, exceptionDetails: expect.stringMatching(/^Canceled: superseded/) });
    expect(w.connectorState()).toBe(ResourceState.Canceled);
  });

  it('cancels a create whose resource the gateway marked for deletion, leaving it Deprovisioning', async () => {
    const w = world();
    w.registry.seed({ ...w.resources.connector, state: ResourceState.Deprovisioning });
    const create = w.operations.seed(w.ops.connector(OperationType.Provision));
    await expect(w.run(create)).resolves.toBe('canceled');
    expect(w.dispatcher.sent).toEqual([]);
    expect(w.connectorState()).toBe(ResourceState.Deprovisioning);
  });

  it('leaves the operation Running with its attempt when the router stops mid-reply', async () => {
    const w = world(['hang']);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    const running = w.run(operation);
    await waitFor(() => w.dispatcher.sent.length === 1);
    w.controller.abort(new OperationInterruptedError('stopping'));
    await expect(running).rejects.toBeInstanceOf(OperationInterruptedError);
    expect(w.stored(operation)).toMatchObject({ provisioningStatus: OperationStatus.Running, attemptCount: 1 });
  });

  it('marks the operation of a poison message Failed', async () => {
    const w = world();
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    await w.processor.failPoisoned(SUBSCRIPTION, operation.id, 'MaxDeliveryCountReached: delivered 5 times');
    expect(w.stored(operation)).toMatchObject({
      provisioningStatus: OperationStatus.Failed,
      exceptionDetails: 'MaxDeliveryCountReached: delivered 5 times',
    });
  });
});

/** Bounded wait on an in-memory condition (microtask turns, no timers). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition not met');
}
