import {
  type AccountRegistryManagementRepository,
  type AccountSpecificStreamAnalyticsJob,
  type ChildResourceByType,
  type ChildResourceEntity,
  type ChildResourceType,
  ConcurrencyConflictError,
  type CreatedOperation,
  type CreateOperationOptions,
  isRotationDue,
  isTerminalStatus,
  type OperationDocument,
  type OperationMessage,
  type OperationPublisher,
  type OperationRepository,
  type PagedResult,
  type PageOptions,
  type RegistryEntity,
  ResourceNotFoundError,
  type SecretMetadataRepository,
  type WriteOptions,
} from '@iomt/domain';

type Stored = RegistryEntity | OperationDocument;

/**
 * The Global DB and the `operations` queue in memory, for unit tests: the repository methods the
 * key rotator uses, with ETags that change on every write. Other methods throw.
 */
export class InMemoryStore implements OperationRepository, SecretMetadataRepository, OperationPublisher {
  readonly documents = new Map<string, Stored>();
  readonly published: OperationMessage[] = [];
  private version = 0;

  /** Stores `document` as the store would, with a new `_etag`. */
  put<T extends Stored>(document: T): T {
    this.version += 1;
    const stored = { ...document, _etag: `"etag-${this.version}"` };
    this.documents.set(`${document.subscriptionId}/${document.id}`, stored);
    return stored;
  }

  private read(subscriptionId: string, id: string): Stored | undefined {
    return this.documents.get(`${subscriptionId}/${id}`);
  }

  private checkEtag(subscriptionId: string, id: string, ifMatch: string | undefined): void {
    const current = this.read(subscriptionId, id);
    if (ifMatch !== undefined && current?._etag !== ifMatch) throw new ConcurrencyConflictError(`${id} changed`);
  }

  async createWithResource(resource: RegistryEntity, operation: OperationDocument, options: CreateOperationOptions = {}): Promise<CreatedOperation> {
    this.checkEtag(resource.subscriptionId, resource.id, options.resourceIfMatch);
    return { resource: this.put(resource), operation: this.put(operation) };
  }

  async get(subscriptionId: string, operationId: string): Promise<OperationDocument | undefined> {
    const document = this.read(subscriptionId, operationId);
    return document?.type === 'provisioningrequest' ? document : undefined;
  }

  async listNonTerminal(subscriptionId: string): Promise<PagedResult<OperationDocument>> {
    const items = this.all<OperationDocument>('provisioningrequest').filter(
      (op) => op.subscriptionId === subscriptionId && !isTerminalStatus(op.provisioningStatus),
    );
    return { items };
  }

  update(): Promise<OperationDocument> {
    return Promise.reject(new Error('not used by the key rotator'));
  }

  listRequestedBefore(): Promise<PagedResult<OperationDocument>> {
    return Promise.reject(new Error('not used by the key rotator'));
  }

  writeCompleted(): Promise<never> {
    return Promise.reject(new Error('not used by the key rotator'));
  }

  writeTransition(): Promise<never> {
    return Promise.reject(new Error('not used by the key rotator'));
  }

  async listDueForRotation(cutoff: Date, options: PageOptions = {}): Promise<PagedResult<AccountSpecificStreamAnalyticsJob>> {
    const due = this.all<AccountSpecificStreamAnalyticsJob>('accountSpecificStreamAnalyticsJob')
      .filter((secret) => isRotationDue(secret, cutoff, 0))
      .sort((a, b) => a.secretLastRotated.localeCompare(b.secretLastRotated));
    const start = Number(options.continuationToken ?? 0);
    const end = start + (options.pageSize ?? 100);
    return { items: due.slice(start, end), ...(end < due.length ? { continuationToken: String(end) } : {}) };
  }

  async setForceRotation(subscriptionId: string, id: string, forceRotation: boolean): Promise<AccountSpecificStreamAnalyticsJob> {
    const secret = this.read(subscriptionId, id);
    if (secret?.type !== 'accountSpecificStreamAnalyticsJob') throw new ResourceNotFoundError(`${id} does not exist`);
    return this.put({ ...secret, forceRotation });
  }

  async publish(message: OperationMessage): Promise<void> {
    this.published.push(message);
  }

  /** The registry port: the reads and the guarded upsert the rotation uses. */
  registry(): AccountRegistryManagementRepository {
    const unused = () => Promise.reject(new Error('not used by the key rotator'));
    return {
      getChildResourceById: async <K extends ChildResourceType>(subscriptionId: string, id: string, type: K) => {
        const document = this.read(subscriptionId, id);
        return document?.type === type ? (document as ChildResourceByType[K]) : undefined;
      },
      upsertChildResource: async <T extends ChildResourceEntity>(child: T, options: WriteOptions = {}) => {
        this.checkEtag(child.subscriptionId, child.id, options.ifMatch);
        return this.put(child);
      },
      getChildResourcesByParentName: unused,
      getChildResourcesByParentId: unused,
      getChildResourceByParentNameAndName: unused,
      getChildResourceByParentIdAndName: unused,
      getParentByChild: unused,
      getChildResource: unused,
      getAccountByName: unused,
      createChildResources: unused,
      deleteChildResource: unused,
      upsertAccount: unused,
    };
  }

  private all<T extends Stored>(type: Stored['type']): T[] {
    return [...this.documents.values()].filter((document) => document.type === type) as T[];
  }
}
