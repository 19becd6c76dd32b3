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
import type { GatewayConfig } from '../config';
import { OperationAdmission } from './operation-admission.service';

/** A small fake of the operation repository: what was written, and failures to inject. */
class FakeOperations implements Partial<OperationRepository> {
  pending: OperationDocument[] = [];
  written: { resource: RegistryEntity; operation: OperationDocument }[] = [];
  failWith?: unknown;
  async listNonTerminal(): Promise<PagedResult<OperationDocument>> {
    return { items: this.pending };
  }
  async createWithResource(resource: RegistryEntity, operation: OperationDocument): Promise<CreatedOperation> {
    if (this.failWith !== undefined) throw this.failWith;
    this.written.push({ resource, operation });
    return { resource, operation };
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
  let admission: OperationAdmission;
  beforeEach(() => {
    operations = new FakeOperations();
    publisher = new FakePublisher();
    admission = new OperationAdmission(operations as unknown as OperationRepository, publisher, config);
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
