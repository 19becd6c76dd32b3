import {
  ConcurrencyConflictError,
  isTerminalStatus,
  OperationStatus,
  ResourceNotFoundError,
  type CompletedOperation,
  type CreatedOperation,
  type OperationDocument,
  type OperationRepository,
  type PagedResult,
  type RegistryEntity,
} from '@iomt/domain';

/** An {@link OperationRepository} in memory, with ETags, for unit tests. */
export class InMemoryOperationRepository implements OperationRepository {
  readonly operations = new Map<string, OperationDocument>();
  readonly completed = new Map<string, CompletedOperation>();
  /** How many times each completed record was written. */
  readonly completedWrites = new Map<string, number>();
  private version = 0;
  /** Called before each update; lets a test interleave another replica's write. */
  beforeUpdate: ((operation: OperationDocument) => void) | undefined;

  /** Stores `operation` as it is, with a fresh ETag. */
  seed(operation: OperationDocument): OperationDocument {
    const stored = { ...operation, _etag: this.nextEtag() };
    this.operations.set(operation.id, stored);
    return stored;
  }

  async createWithResource(resource: RegistryEntity, operation: OperationDocument): Promise<CreatedOperation> {
    return { resource, operation: this.seed(operation) };
  }

  async get(_subscriptionId: string, operationId: string): Promise<OperationDocument | undefined> {
    return this.operations.get(operationId);
  }

  async update(operation: OperationDocument, options: { readonly ifMatch: string }): Promise<OperationDocument> {
    this.beforeUpdate?.(operation);
    const current = this.operations.get(operation.id);
    if (current === undefined) throw new ResourceNotFoundError(`operation ${operation.id}`);
    if (current._etag !== options.ifMatch) throw new ConcurrencyConflictError(`operation ${operation.id} changed`);
    return this.seed(operation);
  }

  async listNonTerminal(subscriptionId: string): Promise<PagedResult<OperationDocument>> {
    const items = [...this.operations.values()].filter(
      (op) => op.subscriptionId === subscriptionId && !isTerminalStatus(op.provisioningStatus),
    );
    return { items };
  }

  async listRequestedBefore(cutoff: Date): Promise<PagedResult<OperationDocument>> {
    const items = [...this.operations.values()].filter(
      (op) => op.provisioningStatus === OperationStatus.Requested && Date.parse(op.timeEnqueued) < cutoff.getTime(),
    );
    return { items };
  }

  async writeCompleted(completed: CompletedOperation): Promise<CompletedOperation> {
    this.completed.set(completed.id, completed);
    this.completedWrites.set(completed.id, (this.completedWrites.get(completed.id) ?? 0) + 1);
    return completed;
  }

  private nextEtag(): string {
    this.version += 1;
    return `"${this.version}"`;
  }
}
