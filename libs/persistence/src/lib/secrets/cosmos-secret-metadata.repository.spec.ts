import { AccountSpecificStreamAnalyticsJob, recordRotation, ResourceNotFoundError, ValidationError } from '@iomt/domain';
import { startTestGlobalDb, TestGlobalDb } from '../../../test/global-db.harness';
import { aConnector, anAccount, aSecret, newSubscriptionId } from '../../../test/registry.fixtures';
import { CosmosAccountRegistryManagementRepository } from '../registry/cosmos-account-registry-management.repository';
import { CosmosSecretMetadataRepository } from './cosmos-secret-metadata.repository';

describe('CosmosSecretMetadataRepository (local Cosmos server)', () => {
  let db: TestGlobalDb;
  let secrets: CosmosSecretMetadataRepository;
  let registry: CosmosAccountRegistryManagementRepository;
  // Far in the past, so secrets of other tests (rotated "now") are never due in these lists.
  const cutoff = new Date('2001-01-01T00:00:00.000Z');
  const daysBefore = (days: number) => new Date(cutoff.getTime() - days * 86_400_000);

  beforeAll(async () => {
    db = await startTestGlobalDb();
    secrets = new CosmosSecretMetadataRepository(db.accountRegistry);
    registry = new CosmosAccountRegistryManagementRepository(db.accountRegistry, 60);
  });

  afterAll(async () => {
    await db.stop();
  });

  /** A connector with its secret metadata, in a fresh subscription, last rotated at `rotatedAt`. */
  async function secretRotatedAt(rotatedAt: Date): Promise<AccountSpecificStreamAnalyticsJob> {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const created = await registry.createChildResources([connector, aSecret(connector, rotatedAt)]);
    return created[1] as AccountSpecificStreamAnalyticsJob;
  }

  it('lists secrets of every subscription rotated at or before the cutoff, oldest first, in pages', async () => {
    const oldest = await secretRotatedAt(daysBefore(40));
    const older = await secretRotatedAt(daysBefore(31));
    const atCutoff = await secretRotatedAt(cutoff);
    await secretRotatedAt(new Date(cutoff.getTime() + 1)); // not due
    const first = await secrets.listDueForRotation(cutoff, { pageSize: 2 });
    const second = await secrets.listDueForRotation(cutoff, { pageSize: 2, continuationToken: first.continuationToken });
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual([oldest.id, older.id, atCutoff.id]);
    expect(second.continuationToken).toBeUndefined();
  });

  it('lists a forced secret whatever its age, and stops once the flag is cleared', async () => {
    const recent = await secretRotatedAt(new Date());
    const forced = await secrets.setForceRotation(recent.subscriptionId, recent.id, true);
    expect(forced.forceRotation).toBe(true);
    const due = await secrets.listDueForRotation(cutoff, { pageSize: 1000 });
    expect(due.items.map((s) => s.id)).toContain(recent.id);
    await secrets.setForceRotation(recent.subscriptionId, recent.id, false);
    const after = await secrets.listDueForRotation(cutoff, { pageSize: 1000 });
    expect(after.items.map((s) => s.id)).not.toContain(recent.id);
  });

  it('skips deleted secrets', async () => {
    const secret = await secretRotatedAt(daysBefore(100));
    await registry.deleteChildResource(secret);
    const due = await secrets.listDueForRotation(cutoff, { pageSize: 1000 });
    expect(due.items.map((s) => s.id)).not.toContain(secret.id);
  });

  it('keeps the rest of the document when setting the flag (no lost rotation)', async () => {
    const secret = await secretRotatedAt(daysBefore(5));
    const rotated = await registry.upsertChildResource(recordRotation(secret, new Date()));
    const forced = await secrets.setForceRotation(secret.subscriptionId, secret.id, true);
    expect(forced).toMatchObject({ secretRotationCount: 1, isUsingPrimaryKey: false, secretLastRotated: rotated.secretLastRotated });
  });

  it('refuses to flag a secret that is absent, deleted, or not secret metadata', async () => {
    const secret = await secretRotatedAt(daysBefore(1));
    await expect(secrets.setForceRotation(secret.subscriptionId, 'missing', true)).rejects.toThrow(ResourceNotFoundError);
    await expect(secrets.setForceRotation(secret.subscriptionId, secret.parentId, true)).rejects.toThrow(ResourceNotFoundError);
    await registry.deleteChildResource(secret);
    await expect(secrets.setForceRotation(secret.subscriptionId, secret.id, true)).rejects.toThrow(ResourceNotFoundError);
  });

  it('refuses an invalid cutoff', async () => {
    await expect(secrets.listDueForRotation(new Date(Number.NaN))).rejects.toThrow(ValidationError);
  });
});
