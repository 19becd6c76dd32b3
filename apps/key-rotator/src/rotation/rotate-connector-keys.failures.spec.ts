import { OperationStatus, ValidationError } from '@iomt/domain';
import type { FakeStep } from '../testing/fake-azure';
import { RotationFixture } from '../testing/rotation-fixture';
import { sampleConnector } from '../testing/samples';

async function failure(promise: Promise<unknown>): Promise<{ code: string; retryable: boolean; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; retryable: boolean; message: string };
  }
  throw new Error('expected a failure');
}

/** Where the `occurrence`-th call of `step` is in the call log. */
function indexOfCall(steps: readonly FakeStep[], step: FakeStep, occurrence: number): number {
  let seen = 0;
  return steps.findIndex((s) => s === step && ++seen === occurrence);
}

/** The job runs on the untouched active key, the Key Vault secret holds the active storage key, the metadata is unchanged. */
function expectLeftOnActiveSlot(f: RotationFixture, active: { reader: string; storage: string }) {
  expect(f.azure.keysOf(f.targets.readerPolicy).primary).toBe(active.reader);
  expect(f.azure.keysOf(f.targets.storageAccount).primary).toBe(active.storage);
  expect(f.azure.inputKey).toBe(active.reader);
  expect(f.azure.jobRunning).toBe(true);
  expect(f.azure.secrets.get('blob-storage-cs')).toBe(`AccountKey=${active.storage}`);
  expect(f.storedSecret()).toMatchObject({ isUsingPrimaryKey: true, secretRotationCount: 0, secretLastRotated: f.secret.secretLastRotated });
}

describe('RotateConnectorKeysUseCase: a failure part-way', () => {
  it.each<[string, FakeStep, number, FakeStep[]]>([
    ['regenerating the reader key', 'regenerateKey', 1, []],
    ['regenerating the storage key', 'regenerateKey', 2, []],
    ['writing the Key Vault secret', 'setSecret', 1, ['listKeys', 'setSecret']],
    ['stopping the job', 'stop', 1, ['start', 'listKeys', 'setSecret']],
    ['updating the input', 'updateInputKey', 1, ['listKeys', 'updateInputKey', 'start', 'listKeys', 'setSecret']],
    ['testing the input', 'testInput', 1, ['listKeys', 'updateInputKey', 'start', 'listKeys', 'setSecret']],
    ['starting the job', 'start', 1, ['stop', 'listKeys', 'updateInputKey', 'start', 'listKeys', 'setSecret']],
  ])('at %s leaves the job on the old key and fails retryably', async (_step, step, occurrence, rollback) => {
    const f = new RotationFixture({ isUsingPrimaryKey: true });
    const active = { reader: f.azure.keysOf(f.targets.readerPolicy).primary, storage: f.azure.keysOf(f.targets.storageAccount).primary };
    f.azure.failAt(step, occurrence);

    const error = await failure(f.useCase().execute(f.command()));

    expect(error).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
    expect(f.azure.steps().slice(indexOfCall(f.azure.steps(), step, occurrence) + 1)).toEqual(rollback);
    expect(f.azure.calls.filter((c) => c.step === 'regenerateKey').every((c) => c.detail.endsWith('secondary'))).toBe(true);
    expectLeftOnActiveSlot(f, active);
    for (const key of f.allKeys()) expect(error.message).not.toContain(key);
  });

  it('fails with StreamAnalyticsInputTestFailed when the input refuses the new key, and restores the old one', async () => {
    const f = new RotationFixture({ isUsingPrimaryKey: true });
    const active = { reader: f.azure.keysOf(f.targets.readerPolicy).primary, storage: f.azure.keysOf(f.targets.storageAccount).primary };
    f.azure.inputTestRefuses = true;

    const error = await failure(f.useCase().execute(f.command()));

    expect(error).toMatchObject({ code: 'StreamAnalyticsInputTestFailed', retryable: true });
    expect(error.message).toContain("input 'NormalizedData' of job 'connector1-asa' failed its connection test with the secondary key");
    expectLeftOnActiveSlot(f, active);
    for (const key of f.allKeys()) expect(error.message).not.toContain(key);
  });

  it('reports the original failure when the rollback fails too, and still restores the rest', async () => {
    const f = new RotationFixture({ isUsingPrimaryKey: true });
    const active = f.azure.keysOf(f.targets.readerPolicy).primary;
    f.azure.failAt('testInput');
    f.azure.failAt('start');

    const error = await failure(f.useCase().execute(f.command()));

    expect(error.message).toBe('Injected failure of testInput');
    expect(f.azure.inputKey).toBe(active);
    expect(f.azure.jobRunning).toBe(false);
    expect(f.azure.secrets.get('blob-storage-cs')).toBe(`AccountKey=${f.azure.keysOf(f.targets.storageAccount).primary}`);
  });

  it('rotates on the next attempt after a failure, from the same slot', async () => {
    const f = new RotationFixture({ isUsingPrimaryKey: true });
    f.azure.failAt('testInput');
    await failure(f.useCase().execute(f.command()));

    await f.useCase().execute({ ...f.command(), attempt: 2 });

    expect(f.azure.inputKey).toBe(f.azure.keysOf(f.targets.readerPolicy).secondary);
    expect(f.storedSecret()).toMatchObject({ isUsingPrimaryKey: false, secretRotationCount: 1 });
  });
});

describe('RotateConnectorKeysUseCase: refusals before any change', () => {
  it.each<[string, string, boolean, (f: RotationFixture) => void]>([
    ['the operation does not exist', 'ResourceNotFound', false, (f) => f.store.documents.delete(`${f.operation.subscriptionId}/${f.operation.id}`)],
    ['the operation already ended', 'Conflict', false, (f) => f.store.put({ ...f.operation, provisioningStatus: OperationStatus.Failed, timeEnded: '2020-04-01T00:00:00.000Z' })],
    ['the operation is not a rotation', 'InvalidRequestContent', false, (f) => f.store.put({ ...f.operation, provisioningOperation: 0 })],
    ['the connector does not exist', 'ResourceNotFound', false, (f) => f.store.documents.delete(`${f.connector.subscriptionId}/${f.connector.id}`)],
    ['the secret metadata does not exist', 'ResourceNotFound', false, (f) => f.store.documents.delete(`${f.secret.subscriptionId}/${f.secret.id}`)],
    ['the connector has no job recorded', 'InvalidRequestContent', false, (f) => f.store.put({ ...f.connector, streamAnalytics: { ...f.connector.streamAnalytics, infrastructureResourceName: undefined } })],
  ])('%s → %s', async (_case, code, retryable, arrange) => {
    const f = new RotationFixture();
    arrange(f);

    await expect(f.useCase().execute(f.command())).rejects.toMatchObject({ code, retryable });
    expect(f.azure.calls).toEqual([]);
  });

  it('names the missing resource of a connector not fully deployed', async () => {
    const f = new RotationFixture();
    f.store.put({ ...sampleConnector(), keyVault: { webJobStorageSecretName: 'blob-storage-cs' } });

    const error = await failure(f.useCase().execute(f.command()));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('has no deployed keyVault recorded');
  });
});
