import {
  AccountRegistryManagementRepository,
  ChildResourceByType,
  ChildResourceEntity,
  ChildResourceType,
  ConcurrencyConflictError,
  ConflictError,
  FhirServiceAccount,
  PagedResult,
  RegistryEntity,
  registryEntityFromDocument,
  registryEntityToDocument,
  ResourceNotFoundError,
  WriteOptions,
} from '../index';

/**
 * The account registry in memory, for unit tests: validates every write through the model's
 * codecs (as the Cosmos adapter does), keeps `_etag`s, honours `ifMatch` and soft deletes.
 * The lookups of child resources by name are not needed by the workers and throw.
 */
export class InMemoryAccountRegistry implements AccountRegistryManagementRepository {
  readonly documents = new Map<string, RegistryEntity>();
  writes = 0;
  /** Thrown by the next upsertChildResource, then cleared. */
  nextUpsertFailure: Error | undefined;
  private version = 0;

  /** Stores `entity` as if another service (the gateway) wrote it. */
  seed<T extends RegistryEntity>(entity: T): T {
    return this.store(entity);
  }

  /** The stored entity, deleted or not. */
  stored<T extends RegistryEntity>(id: string): T | undefined {
    return this.documents.get(id) as T | undefined;
  }

  async getChildResourceById<K extends ChildResourceType>(subscriptionId: string, id: string, type: K) {
    const entity = this.documents.get(id);
    const live = entity && !entity.deleted && entity.type === type && entity.subscriptionId === subscriptionId;
    return live ? (entity as ChildResourceByType[K]) : undefined;
  }

  async getChildResourcesByParentId<K extends ChildResourceType>(
    subscriptionId: string,
    parentId: string,
    type: K,
  ): Promise<PagedResult<ChildResourceByType[K]>> {
    const items = [...this.documents.values()].filter(
      (e) => !e.deleted && e.type === type && e.subscriptionId === subscriptionId && 'parentId' in e && e.parentId === parentId,
    );
    return { items: items as ChildResourceByType[K][] };
  }

  async createChildResources(children: readonly ChildResourceEntity[]): Promise<ChildResourceEntity[]> {
    if (children.some((child) => this.isLive(child.id))) {
      throw new ConflictError('A child resource already exists');
    }
    return children.map((child) => this.store(child));
  }

  async upsertChildResource<T extends ChildResourceEntity>(child: T, options: WriteOptions = {}): Promise<T> {
    const failure = this.nextUpsertFailure;
    this.nextUpsertFailure = undefined;
    if (failure !== undefined) throw failure;
    this.checkEtag(child.id, options.ifMatch);
    return this.store(child);
  }

  async deleteChildResource<T extends ChildResourceEntity>(child: T, options: WriteOptions = {}): Promise<T> {
    if (!this.isLive(child.id)) throw new ResourceNotFoundError(`${child.id} does not exist`);
    this.checkEtag(child.id, options.ifMatch);
    return this.store({ ...(this.documents.get(child.id) as T), deleted: true, ttl: 604800 });
  }

  async upsertAccount(account: FhirServiceAccount, options: WriteOptions = {}): Promise<FhirServiceAccount> {
    this.checkEtag(account.id, options.ifMatch);
    return this.store(account);
  }

  async getParentByChild(child: { parentId: string }) {
    const parent = this.documents.get(child.parentId);
    return parent && !parent.deleted ? parent : undefined;
  }

  getChildResourcesByParentName(): never {
    throw new Error('not used by the workers');
  }
  getChildResourceByParentNameAndName(): never {
    throw new Error('not used by the workers');
  }
  getChildResourceByParentIdAndName(): never {
    throw new Error('not used by the workers');
  }
  getChildResource(): never {
    throw new Error('not used by the workers');
  }
  /** The live account of that name (names compared ignoring case, as ARM does). */
  async getAccountByName(subscriptionId: string, resourceGroupName: string, name: string) {
    return [...this.documents.values()].find(
      (e): e is FhirServiceAccount =>
        e.type === 'account' &&
        !e.deleted &&
        e.subscriptionId === subscriptionId &&
        e.resourceGroupName.toLowerCase() === resourceGroupName.toLowerCase() &&
        e.name.toLowerCase() === name.toLowerCase(),
    );
  }

  private isLive(id: string): boolean {
    const entity = this.documents.get(id);
    return entity !== undefined && entity.deleted !== true;
  }

  private checkEtag(id: string, ifMatch: string | undefined): void {
    if (ifMatch !== undefined && this.documents.get(id)?._etag !== ifMatch) {
      throw new ConcurrencyConflictError(`${id} changed since it was read`);
    }
  }

  private store<T extends RegistryEntity>(entity: T): T {
    this.version += 1;
    this.writes += 1;
    const stored = { ...registryEntityFromDocument(registryEntityToDocument(entity)), _etag: `"${this.version}"` } as T;
    if (entity.deleted) Object.assign(stored, { deleted: true, ttl: entity.ttl });
    this.documents.set(entity.id, stored);
    return stored;
  }
}
