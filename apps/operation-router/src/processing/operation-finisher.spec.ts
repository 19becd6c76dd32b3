import { Logger } from '@nestjs/common';
import { RemoteOperationError } from '@iomt/contracts';
import { failOperation, isTerminalStatus, OperationType, ResourceState, startOperationAttempt, type OperationDocument } from '@iomt/domain';
import { processorWorld as world } from '../testing/processor-world';

describe('OperationFinisher: the resource before the status', () => {
  beforeAll(() => Logger.overrideLogger(false));

  /** Records the connector's state at the moment the operation's terminal status is written. */
  function stateWhenTerminal(w: ReturnType<typeof world>): { state?: ResourceState } {
    const seen: { state?: ResourceState } = {};
    w.operations.beforeUpdate = (next: OperationDocument) => {
      if (isTerminalStatus(next.provisioningStatus)) seen.state = w.connectorState();
    };
    return seen;
  }

  it.each([
    ['succeeds', { ok: true } as const, ResourceState.Provisioned],
    ['fails', { error: new RemoteOperationError({ code: 'InvalidTemplate', message: 'bad', retryable: false }) }, ResourceState.Failed],
  ])('writes the resource state an operation that %s implies before its terminal status', async (_name, reply, expected) => {
    const w = world([reply]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    const seen = stateWhenTerminal(w);
    await w.run(operation);
    expect(seen.state).toBe(expected);
    expect(w.connectorState()).toBe(expected);
  });

  it('leaves the resource in the state of the outcome another replica stored when it lost the race', async () => {
    const w = world([{ ok: true }]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    w.operations.beforeUpdate = (next) => {
      if (!isTerminalStatus(next.provisioningStatus)) return;
      w.operations.beforeUpdate = undefined;
      // Another replica failed it between our resource write and our status write.
      const elsewhere = failOperation(startOperationAttempt(w.stored(next), new Date()), new Error('elsewhere'), new Date());
      w.operations.seed(elsewhere);
    };
    await w.run(operation);
    expect(w.connectorState()).toBe(ResourceState.Failed);
  });
});
