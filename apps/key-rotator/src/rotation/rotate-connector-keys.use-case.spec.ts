import { ConcurrencyConflictError, type ChildResourceEntity, type WriteOptions } from '@iomt/domain';
import { RotationFixture } from '../testing/rotation-fixture';
import { NOW } from '../testing/samples';

describe('RotateConnectorKeysUseCase: a rotation', () => {
  it('regenerates the standby slot, moves the Key Vault secret, stops the job, updates and tests its input, then starts it', async () => {
    const f = new RotationFixture({ isUsingPrimaryKey: true });
    const activeReader = f.azure.keysOf(f.targets.readerPolicy).primary;
    const activeStorage = f.azure.keysOf(f.targets.storageAccount).primary;

    await f.useCase().execute(f.command());

    expect(f.azure.calls).toEqual([
      { step: 'regenerateKey', detail: 'eventHub:connector1-ehn/normalizeddeviceinput/reader secondary' },
      { step: 'regenerateKey', detail: 'storage:connector1sa secondary' },
      { step: 'setSecret', detail: 'connector1-kv/blob-storage-cs' },
      { step: 'stop', detail: 'connector1-asa' },
      { step: 'updateInputKey', detail: 'connector1-asa/NormalizedData' },
      { step: 'testInput', detail: 'connector1-asa/NormalizedData' },
      { step: 'start', detail: 'connector1-asa' },
    ]);
    expect(f.azure.keysOf(f.targets.readerPolicy).primary).toBe(activeReader);
    expect(f.azure.keysOf(f.targets.storageAccount).primary).toBe(activeStorage);
    expect(f.azure.inputKey).toBe(f.azure.keysOf(f.targets.readerPolicy).secondary);
    expect(f.azure.secrets.get('blob-storage-cs')).toBe(`AccountKey=${f.azure.keysOf(f.targets.storageAccount).secondary}`);
    expect(f.azure.jobRunning).toBe(true);
  });

  it('records the new slot, the time and the count, clears the force flag and replies with them', async () => {
    const f = new RotationFixture({ isUsingPrimaryKey: true, secretRotationCount: 4, forceRotation: true });

    const result = await f.useCase().execute(f.command());

    const expected = { isUsingPrimaryKey: false, secretLastRotated: f.clock.now().toISOString(), secretRotationCount: 5 };
    expect(result).toEqual(expected);
    expect(f.storedSecret()).toMatchObject({ ...expected, forceRotation: false });
  });

  it('rotates back to the primary slot when the secondary is in use', async () => {
    const f = new RotationFixture({ isUsingPrimaryKey: false });
    const activeReader = f.azure.keysOf(f.targets.readerPolicy).secondary;

    await f.useCase().execute(f.command());

    expect(f.azure.calls.filter((c) => c.step === 'regenerateKey').map((c) => c.detail.split(' ')[1])).toEqual(['primary', 'primary']);
    expect(f.azure.keysOf(f.targets.readerPolicy).secondary).toBe(activeReader);
    expect(f.azure.inputKey).toBe(f.azure.keysOf(f.targets.readerPolicy).primary);
    expect(f.storedSecret().isUsingPrimaryKey).toBe(true);
  });

  it('applies the rotation to a fresh copy when the metadata changed meanwhile (the force flag set again)', async () => {
    const f = new RotationFixture({ secretRotationCount: 1 });
    const registry = f.store.registry();
    const upsert = registry.upsertChildResource.bind(registry);
    let first = true;
    registry.upsertChildResource = async <T extends ChildResourceEntity>(child: T, options?: WriteOptions) => {
      if (first) {
        first = false;
        await f.store.setForceRotation(child.subscriptionId, child.id, true);
      }
      return upsert(child, options);
    };

    await f.useCase(registry).execute(f.command());

    expect(f.storedSecret()).toMatchObject({ isUsingPrimaryKey: false, secretRotationCount: 2, forceRotation: false });
  });

  it('puts the job back on the old key when the rotation cannot be recorded', async () => {
    const f = new RotationFixture({ isUsingPrimaryKey: true });
    const registry = f.store.registry();
    registry.upsertChildResource = () => Promise.reject(new ConcurrencyConflictError('changed'));

    await expect(f.useCase(registry).execute(f.command())).rejects.toMatchObject({ code: 'PreconditionFailed', retryable: true });

    expect(f.azure.inputKey).toBe(f.azure.keysOf(f.targets.readerPolicy).primary);
    expect(f.azure.secrets.get('blob-storage-cs')).toBe(`AccountKey=${f.azure.keysOf(f.targets.storageAccount).primary}`);
    expect(f.azure.jobRunning).toBe(true);
    expect(f.azure.steps().slice(7)).toEqual(['stop', 'listKeys', 'updateInputKey', 'start', 'listKeys', 'setSecret']);
    expect(f.storedSecret()).toMatchObject({ isUsingPrimaryKey: true, secretRotationCount: 0 });
  });

  it('does nothing again for an operation whose rotation is already recorded (a redelivered command)', async () => {
    const f = new RotationFixture();
    const recorded = f.store.put({ ...f.secret, isUsingPrimaryKey: false, secretLastRotated: new Date(NOW.getTime() + 1000).toISOString(), secretRotationCount: 1 });

    const result = await f.useCase().execute(f.command());

    expect(result).toEqual({ isUsingPrimaryKey: false, secretLastRotated: recorded.secretLastRotated, secretRotationCount: 1 });
    expect(f.azure.calls).toEqual([]);
  });
});
