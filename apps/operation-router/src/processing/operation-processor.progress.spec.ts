import { Logger } from '@nestjs/common';
import { RemoteOperationError } from '@iomt/contracts';
import { OperationStatus, OperationType, type OperationDocument } from '@iomt/domain';
import { processorWorld as world } from '../testing/processor-world';

/** Waits (bounded) until the stored operation satisfies `condition`: progress writes run beside the dispatch. */
async function until(read: () => OperationDocument, condition: (operation: OperationDocument) => boolean): Promise<OperationDocument> {
  for (let turn = 0; turn < 100 && !condition(read()); turn++) await new Promise((resolve) => setImmediate(resolve));
  return read();
}

describe('OperationProcessor progress', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it("writes the worker's progress while the command runs, then 100 % with Completed", async () => {
    const w = world([{ ok: true, progress: [25, 60] }]);
    const operation = w.operations.seed(w.ops.connector(OperationType.Provision));
    const seen: (number | undefined)[] = [];
    w.dispatcher.beforeReply = async () => {
      const during = await until(() => w.stored(operation), (op) => op.percentComplete === 60);
      seen.push(during.percentComplete, during.provisioningStatus);
    };
    await expect(w.run(operation)).resolves.toBe('completed');
    expect(seen).toEqual([60, OperationStatus.Running]);
    expect(w.stored(operation)).toMatchObject({ provisioningStatus: OperationStatus.Completed, percentComplete: 100 });
  });

  it('keeps the progress reached when the attempt fails, and never goes back on the retry', async () => {
    const retryable = new RemoteOperationError({ code: 'ServiceUnavailable', message: 'ARM is busy', retryable: true });
    const permanent = new RemoteOperationError({ code: 'DeploymentFailed', message: 'bad template', retryable: false });
    const w = world([
      { error: retryable, progress: [40] },
      { error: permanent, progress: [10, 45] },
    ]);
    const operation = w.operations.seed(w.ops.fhir(OperationType.Provision));
    await expect(w.run(operation)).resolves.toBe('failed');
    expect(w.stored(operation)).toMatchObject({ provisioningStatus: OperationStatus.Failed, attemptCount: 2, percentComplete: 45 });
  });
});
