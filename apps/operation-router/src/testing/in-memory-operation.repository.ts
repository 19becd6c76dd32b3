import {
  ConcurrencyConflictError,
  ConflictError,
  DocumentType,
  isTerminalStatus,
  OperationStatus,
  ResourceNotFoundError,
  type CompletedOperation,
  type CreatedOperation,
  type OperationDocument,
  type OperationRepository,
  type OperationTransition,
  type PagedResult,
  type RegistryEntity,
  type WrittenTransition,
} from '@iomt/domain';
import type { InMemoryAccountRegistry } from './in-memory-account-registry';

/**
 * An {@link OperationRepository} in memory, with ETags, for unit tests. Transitions write their
 * resource into `registry` (all or nothing, as the Cosmos batch does).
 */
export class InMemoryOperationRepository implements OperationRepository {
  readonly operations = new Map<string, OperationDocument>();
  readonly completed = new Map<string, CompletedOperation>();
  /** How many times each completed record was written. */
  readonly completedWrites = new Map<string, number>();
  private version = 0;
  /** Called before each update; lets a test interleave another replica's write. */
  beforeUpdate: ((operation: OperationDocument) => void) | undefined;
  /** How many transitions wrote a resource or an archive record along (batches). */
  batches = 0;

  constructor(private readonly registry?: InMemoryAccountRegistry) {}

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

  async writeTransition({ operation, ifMatch, resource, completed }: OperationTransition): Promise<WrittenTransition> {
    this.beforeUpdate?.(operation);
    const current = this.operations.get(operation.id);
    if (current === undefined) throw new ResourceNotFoundError(`operation ${operation.id}`);
    if (current._etag !== ifMatch) throw new ConcurrencyConflictError(`operation ${operation.id} changed`);
    if (resource !== undefined) {
      if (this.registry === undefined) throw new Error('This fake has no registry to write the resource to');
      if (this.registry.entities.get(resource.entity.id)?._etag !== resource.ifMatch) {
        throw new ConcurrencyConflictError(`resource ${resource.entity.id} changed`);
      }
    }
    if (completed !== undefined && this.completed.has(completed.id)) throw new ConflictError(`archive record ${completed.id} exists`);
    if (resource !== undefined || completed !== undefined) this.batches += 1;
    const written = resource === undefined ? undefined : await this.writeResource(resource.entity, resource.ifMatch);
    if (completed !== undefined) await this.writeCompleted(completed);
    return { operation: this.seed(operation), ...(written === undefined ? {} : { resource: written }) };
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

  private writeResource(entity: RegistryEntity, ifMatch: string): Promise<RegistryEntity> {
    const registry = this.registry as InMemoryAccountRegistry;
    if (entity.type === DocumentType.Account) return registry.upsertAccount(entity, { ifMatch });
    return registry.upsertChildResource(entity, { ifMatch });
  }

  private nextEtag(): string {
    this.version += 1;
    return `"${this.version}"`;
  }
}
