import { Logger } from '@nestjs/common';
import { RemoteOperationError } from '@iomt/contracts';
import {
  completedOperationId,
  failOperation,
  isTerminalStatus,
  OperationStatus,
  OperationType,
  ResourceState,
  startOperationAttempt,
  type IomtConnector,
  type OperationTransition,
} from '@iomt/domain';
import { processorWorld as world } from '../testing/processor-world';

describe('OperationFinisher: status, resource state and archive record in one write', () => {
  beforeAll(() => Logger.overrideLogger(false));

  /** Records every transition the run writes, then lets it through. */
  function recordTransitions(w: ReturnType<typeof world>): OperationTransition[] {
    const written: OperationTransition[] = [];
    const write = w.operations.writeTransition.bind(w.operations);
    w.operations.writeTransition = (transition) => {
      written.push(transition);
      return write(transition);
    };
    return written;
  }

  it.each([
    ['succeeds', { ok: true } as const, ResourceState.Provisioned],
    ['fails', { error: new RemoteOperationError({ code: 'InvalidTemplate', message: 'bad', retryable: false }) }, ResourceState.Failed],
  ])('writes the terminal status of an operation that %s with its resource state and archive record', async (_name, reply, expected) => {
    const w = world([reply]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    const transitions = recordTransitions(w);
    await w.run(operation);
    const terminal = transitions.filter((t) => isTerminalStatus(t.operation.provisioningStatus));
    expect(terminal).toHaveLength(1);
    expect(terminal[0].resource?.entity).toMatchObject({ id: w.resources.connector.id, state: expected });
    expect(terminal[0].completed?.id).toBe(completedOperationId(operation.id));
    expect(w.connectorState()).toBe(expected);
    expect(w.operations.completedWrites.get(completedOperationId(operation.id))).toBe(1);
  });

  it('starts the attempt with the resource in progress in the same write', async () => {
    const w = world([{ ok: true }]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    const transitions = recordTransitions(w);
    await w.run(operation);
    expect(transitions[0].operation.attemptCount).toBe(1);
    expect(transitions[0].resource?.entity).toMatchObject({ state: ResourceState.Provisioning });
    expect(transitions[0].completed).toBeUndefined();
    expect(w.operations.batches).toBe(2);
  });

  it('keeps a change another writer made to the resource meanwhile, rereading it when its version is stale', async () => {
    const w = world([{ ok: true }]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    w.operations.beforeUpdate = (next) => {
      if (!isTerminalStatus(next.provisioningStatus)) return;
      w.operations.beforeUpdate = undefined;
      // The worker recorded the connector's infrastructure after the attempt started.
      const stored = w.registry.entities.get(w.resources.connector.id) as IomtConnector;
      void w.registry.upsertChildResource({ ...stored, connectorVersion: '2.0' }, { ifMatch: stored._etag });
    };
    await w.run(operation);
    expect(w.stored(operation).provisioningStatus).toBe(OperationStatus.Completed);
    expect(w.registry.entities.get(w.resources.connector.id)).toMatchObject({ connectorVersion: '2.0', state: ResourceState.Provisioned });
    expect(w.operations.completedWrites.get(completedOperationId(operation.id))).toBe(1);
  });

  it('leaves the resource in the state of the outcome another replica stored when it lost the race', async () => {
    const w = world([{ ok: true }]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    w.operations.beforeUpdate = (next) => {
      if (!isTerminalStatus(next.provisioningStatus)) return;
      w.operations.beforeUpdate = undefined;
      // Another replica failed it (and its resource) before our terminal write.
      const elsewhere = failOperation(startOperationAttempt(w.stored(next), new Date()), new Error('elsewhere'), new Date());
      w.operations.seed(elsewhere);
    };
    await w.run(operation);
    expect(w.connectorState()).toBe(ResourceState.Failed);
    expect(w.operations.completed.get(completedOperationId(operation.id))?.operation.exceptionDetails).toContain('elsewhere');
  });
});
