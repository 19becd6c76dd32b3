import { createRotateKeysOperation, DocumentType, FixedClock, type IomtConnector } from '@iomt/domain';
import { startFakeArm, type FakeArm } from '@iomt/local-stack';
import { connectorKeyTargets, type ConnectorKeyTargets } from '../src/rotation/connector-key-targets';
import type { KeySwitchPorts } from '../src/rotation/connector-key-switch';
import { RotateConnectorKeysUseCase } from '../src/rotation/rotate-connector-keys.use-case';
import { NOW, sampleConnector, sampleSecret, SUBSCRIPTION_ID } from '../src/testing/samples';
import { armPorts, deployConnectorInfrastructure, resourceId } from './support/fake-arm-connector';
import { startTestGlobalDb, type TestGlobalDb } from './support/global-db';

jest.setTimeout(30_000);

const DAY = 24 * 3600_000;

describe('key rotation against the fake ARM and the Cosmos server', () => {
  let db: TestGlobalDb;
  let fakeArm: FakeArm;
  let ports: KeySwitchPorts;
  let count = 0;

  beforeAll(async () => {
    db = await startTestGlobalDb();
    fakeArm = await startFakeArm({ faults: { lroReadsBeforeDone: 1 } });
    ports = armPorts(fakeArm);
  });

  afterAll(async () => {
    await fakeArm?.stop();
    await db?.close();
  });

  /** A deployed connector (its own names, so tests do not share state), its metadata and a Requested rotation. */
  async function arrange() {
    count += 1;
    const connector: IomtConnector = sampleConnector(`rotation${count}connector00000`, SUBSCRIPTION_ID, `Rot${count}`);
    const targets = connectorKeyTargets(connector);
    await deployConnectorInfrastructure(fakeArm, targets, ports);
    const [stored] = await db.registry.createChildResources([connector, sampleSecret(connector, new Date(NOW.getTime() - 40 * DAY))]);
    const operation = createRotateKeysOperation(connector, { now: NOW });
    await db.operations.createWithResource(connector, operation, { resourceIfMatch: stored?._etag });
    const useCase = new RotateConnectorKeysUseCase(db.operations, db.registry, ports, new FixedClock(new Date(NOW.getTime() + 60_000)), 'NormalizedData');
    const command = { operationId: operation.id, subscriptionId: SUBSCRIPTION_ID, resourceId: 'unused by the use case', attempt: 1 };
    const before = { reader: await ports.keys.listKeys(targets.readerPolicy), storage: await ports.keys.listKeys(targets.storageAccount) };
    fakeArm.clearCalls();
    return { connector, targets, useCase, command, before };
  }

  /** The writes ARM received since arrange(), as `METHOD last-path-segment`; polls left out. */
  function writes(): string[] {
    return fakeArm
      .calls()
      .log.filter((call) => call.method !== 'GET')
      .map((call) => `${call.method} ${call.path.split('/').pop() ?? ''}`);
  }

  const jobOf = (targets: ConnectorKeyTargets) => fakeArm.resource(resourceId(targets, `Microsoft.StreamAnalytics/streamingjobs/${targets.job.jobName}`));
  const secretValue = (targets: ConnectorKeyTargets) =>
    fakeArm.secretValue(resourceId(targets, `Microsoft.KeyVault/vaults/${targets.storageSecret.vaultName}/secrets/${targets.storageSecret.secretName}`));
  const storedSecret = (connector: IomtConnector) =>
    db.registry.getChildResourceById(SUBSCRIPTION_ID, `${connector.id}-asajob`, DocumentType.AccountSpecificStreamAnalyticsJob);

  it('regenerates the standby keys, then stops, updates, tests and restarts the job, in that order, and records the new slot', async () => {
    const { connector, targets, useCase, command, before } = await arrange();

    await useCase.execute(command);

    expect(writes()).toEqual(['POST regenerateKeys', 'POST regenerateKey', 'PUT blob-storage-cs', 'POST stop', 'PATCH NormalizedData', 'POST test', 'POST start']);
    const reader = await ports.keys.listKeys(targets.readerPolicy);
    const storage = await ports.keys.listKeys(targets.storageAccount);
    expect(reader.primaryKey).toBe(before.reader.primaryKey);
    expect(reader.secondaryKey).not.toBe(before.reader.secondaryKey);
    expect(storage.primaryKey).toBe(before.storage.primaryKey);
    expect(storage.secondaryKey).not.toBe(before.storage.secondaryKey);
    expect(secretValue(targets)).toBe(storage.secondaryConnectionString);
    expect(jobOf(targets)?.properties).toMatchObject({ jobState: 'Running', outputStartMode: 'LastOutputEventTime' });
    expect(await ports.jobs.testInput(targets.job, 'NormalizedData')).toEqual({ succeeded: true });
    expect(await storedSecret(connector)).toMatchObject({ isUsingPrimaryKey: false, secretRotationCount: 1, forceRotation: false });
  });

  it('proves the job moved to the new key: regenerating the old primary afterwards does not break its input', async () => {
    const { targets, useCase, command } = await arrange();
    await useCase.execute(command);

    await ports.keys.regenerateKey(targets.readerPolicy, 'primary');

    expect(await ports.jobs.testInput(targets.job, 'NormalizedData')).toEqual({ succeeded: true });
  });

  it.each([
    ['the input test', '/inputs/[^/]+/test$'],
    ['the input update', '/inputs/[^/]+$'],
    ['the restart', '/start$'],
    ['the Key Vault write', '/secrets/'],
  ])('leaves the job running on the untouched old key when %s fails, and fails retryably', async (_step, pathPattern) => {
    const { connector, targets, useCase, command, before } = await arrange();
    fakeArm.setFaults({ failNextWrites: 1, pathPattern });

    await expect(useCase.execute(command)).rejects.toMatchObject({ retryable: true });

    fakeArm.setFaults({ failNextWrites: 0, pathPattern: null });
    expect((await ports.keys.listKeys(targets.readerPolicy)).primaryKey).toBe(before.reader.primaryKey);
    expect(jobOf(targets)?.properties).toMatchObject({ jobState: 'Running' });
    expect(secretValue(targets)).toBe(before.storage.primaryConnectionString);
    await ports.keys.regenerateKey(targets.readerPolicy, 'secondary');
    expect(await ports.jobs.testInput(targets.job, 'NormalizedData')).toEqual({ succeeded: true });
    expect(await storedSecret(connector)).toMatchObject({ isUsingPrimaryKey: true, secretRotationCount: 0 });
  });
});
