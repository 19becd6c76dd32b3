import { Logger } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  CreatedOperation,
  OperationDocument,
  OperationMessage,
  OperationPublisher,
  OperationRepository,
  OperationType,
  PagedResult,
  RegistryEntity,
  ResourceTypeName,
  TransientError,
} from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import type { GatewayConfig } from '../config';
import type { AdmissionStore, AdmissionWriteOptions } from '../ports/admission-store.port';
import type { SystemDataRepository } from '../ports/system-data.repository.port';
import { OperationAdmission } from './operation-admission.service';

/** A small fake of the operation repository: what was written, and failures to inject. */
class FakeOperations implements Partial<OperationRepository>, AdmissionStore {
  pending: OperationDocument[] = [];
  written: { resource: RegistryEntity; operation: OperationDocument; options?: AdmissionWriteOptions }[] = [];
  failWith?: unknown;
  async listNonTerminal(): Promise<PagedResult<OperationDocument>> {
    return { items: this.pending };
  }
  async createWithResource(resource: RegistryEntity, operation: OperationDocument, options?: AdmissionWriteOptions): Promise<CreatedOperation> {
    if (this.failWith !== undefined) throw this.failWith;
    this.written.push({ resource, operation, options });
    return { resource, operation };
  }
}

/** A small fake of the systemData store: what is stored, by key. */
class FakeSystemData implements SystemDataRepository {
  stored = new Map<string, ArmSystemData>();
  deleted: string[] = [];
  async get(_subscriptionId: string, key: string): Promise<ArmSystemData | undefined> {
    return this.stored.get(key);
  }
  async put(_subscriptionId: string, key: string, systemData: ArmSystemData): Promise<void> {
    this.stored.set(key, systemData);
  }
  async delete(_subscriptionId: string, key: string): Promise<void> {
    this.deleted.push(key);
  }
}

/** A fake publisher that records messages, or fails. */
class FakePublisher implements OperationPublisher {
  published: OperationMessage[] = [];
  failWith?: unknown;
  async publish(message: OperationMessage): Promise<void> {
    if (this.failWith !== undefined) throw this.failWith;
    this.published.push(message);
  }
}

const config = { MAX_QUEUED_OPERATIONS_PER_SUBSCRIPTION: 2, THROTTLED_RETRY_AFTER_SECONDS: 7, PUBLISH_TIMEOUT_MS: 1000 } as GatewayConfig;
const operation = (id: string, accountId: string, type = OperationType.Provision) =>
  ({ id, accountId, subscriptionId: 'sub', resourceTypeName: ResourceTypeName.FhirService, provisioningOperation: type }) as OperationDocument;
const resource = { id: 'a1' } as RegistryEntity;

describe('OperationAdmission', () => {
  let operations: FakeOperations;
  let publisher: FakePublisher;
  let systemData: FakeSystemData;
  let admission: OperationAdmission;
  beforeEach(() => {
    operations = new FakeOperations();
    publisher = new FakePublisher();
    systemData = new FakeSystemData();
    admission = new OperationAdmission(operations as unknown as OperationRepository, operations, new SystemDataRecorder(systemData), publisher, config);
  });

  const resourceId = '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/RG/providers/Microsoft.HealthcareApis/services/Fhir1';
  const subject = { subscriptionId: 'sub', resourceId, instanceId: 'a1' };
  const key = `${resourceId.toLowerCase()}|a1`;
  const created = { createdBy: 'first@example.com', createdByType: 'User', createdAt: '2026-01-01T00:00:00Z' } as const;
  const modified = { createdBy: 'arm-guess@example.com', lastModifiedBy: 'second@example.com', lastModifiedAt: '2026-02-01T00:00:00Z' } as const;

  it.each([
    ['a fresh resource: ARM\'s values as they are, nothing read', { fresh: true }, { ...modified }],
    ['an existing one: the stored creation fields kept', {}, { ...modified, ...created }],
    ['a replaced one: the stored values ignored', { replace: true }, { ...modified }],
  ])('writes the systemData in the admission batch for %s', async (_case, flags, expected) => {
    systemData.stored.set(key, created);
    const admitted = await admission.admit({ resource, operation: operation('op1', 'a1'), resourceId: subject.resourceId, systemData: { subject, incoming: modified, ...flags } });
    expect(admitted.systemData).toEqual(expected);
    expect(operations.written[0].options?.systemData).toEqual({ subscriptionId: 'sub', resourceKey: key, systemData: expected });
  });

  it('without ARM\'s header answers with the stored systemData and writes none; a replaced resource forgets it', async () => {
    systemData.stored.set(key, created);
    const kept = await admission.admit({ resource, operation: operation('op1', 'a1'), resourceId: subject.resourceId, systemData: { subject, incoming: undefined } });
    expect(kept.systemData).toEqual(created);
    const replaced = await admission.admit({ resource, operation: operation('op2', 'a1'), resourceId: subject.resourceId, systemData: { subject, incoming: undefined, replace: true } });
    expect(replaced.systemData).toBeUndefined();
    expect(operations.written.map((w) => w.options?.systemData)).toEqual([undefined, undefined]);
    expect(systemData.deleted).toEqual([key]);
  });

  it('records no systemData when the write is refused', async () => {
    operations.failWith = new ConcurrencyConflictError('etag');
    await expect(admission.admit({ resource, operation: operation('op1', 'a1'), resourceId: 'r', systemData: { subject, incoming: modified, replace: true } })).rejects.toThrow();
    expect(systemData.stored.size).toBe(0);
    expect(systemData.deleted).toEqual([]);
  });

  it('writes the resource with its operation, then publishes the operation id in the subscription session', async () => {
    await admission.admit({ resource, operation: operation('op1', 'a1'), resourceId: '/subscriptions/sub/x' });
    expect(operations.written).toHaveLength(1);
    expect(publisher.published).toEqual([{ operationId: 'op1', subscriptionId: 'sub', resourceId: '/subscriptions/sub/x' }]);
  });

  it('admits even when publishing fails, and warns: the operation stays for the sweeper', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    publisher.failWith = new TransientError('broker down');
    await expect(admission.admit({ resource, operation: operation('op1', 'a1'), resourceId: 'r' })).resolves.toBeDefined();
    expect(operations.written).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ operationId: 'op1' }), expect.stringContaining('sweeper'));
    warn.mockRestore();
  });

  it('turns a lost write race into a 409 Conflict', async () => {
    operations.failWith = new ConcurrencyConflictError('etag');
    await expect(admission.admit({ resource, operation: operation('op1', 'a1'), resourceId: 'r' })).rejects.toMatchObject({ code: 'Conflict', target: 'r' });
    expect(publisher.published).toEqual([]);
  });

  it('refuses an operation overlapping an unfinished one with 409, naming it', () => {
    const pending = [operation('op-busy', 'a1', OperationType.Patch)];
    expect(() => admission.assertAdmissible(pending, { accountId: 'a1', connectorId: 'c1' }, { resourceId: 'r' })).toThrow(
      expect.objectContaining({ code: 'Conflict', message: expect.stringContaining("'op-busy' (Patch)") }),
    );
    expect(() => admission.assertAdmissible(pending, { accountId: 'a2' }, { resourceId: 'r' })).not.toThrow();
  });

  it('refuses with 429 and a Retry-After when the subscription has the most queued operations, unless told to ignore it', () => {
    const pending = [operation('op1', 'a1'), operation('op2', 'a2')];
    expect(() => admission.assertAdmissible(pending, { accountId: 'a3' }, { resourceId: 'r' })).toThrow(
      expect.objectContaining({ code: 'TooManyRequests', retryAfterMs: 7000 }),
    );
    expect(() => admission.assertAdmissible(pending, { accountId: 'a3' }, { resourceId: 'r', ignoreQueueLimit: true })).not.toThrow();
  });
});
