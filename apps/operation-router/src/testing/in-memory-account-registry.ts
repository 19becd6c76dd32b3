import {
  ConcurrencyConflictError,
  DocumentType,
  type AccountRegistryManagementRepository,
  type FhirServiceAccount,
  type IChildResource,
  type IomtConnector,
  type RegistryEntity,
} from '@iomt/domain';

/**
 * The part of the account registry the router uses, in memory with ETags: accounts and
 * connectors by id. Other methods are absent; the router does not call them.
 */
export class InMemoryAccountRegistry {
  readonly entities = new Map<string, RegistryEntity>();
  private version = 0;

  /** This fake as the port the router injects. */
  asPort(): AccountRegistryManagementRepository {
    return this as unknown as AccountRegistryManagementRepository;
  }

  seed<T extends RegistryEntity>(entity: T): T {
    const stored = { ...entity, _etag: `"r${(this.version += 1)}"` };
    this.entities.set(entity.id, stored);
    return stored;
  }

  async getParentByChild(child: IChildResource): Promise<RegistryEntity | undefined> {
    return this.entities.get(child.parentId);
  }

  async getChildResourceById(_subscriptionId: string, id: string, type: string): Promise<IomtConnector | undefined> {
    const found = this.entities.get(id);
    return found?.type === type && type === DocumentType.IomtConnector ? (found as IomtConnector) : undefined;
  }

  async upsertAccount(account: FhirServiceAccount, options: { ifMatch?: string } = {}): Promise<FhirServiceAccount> {
    return this.upsert(account, options.ifMatch);
  }

  async upsertChildResource<T extends RegistryEntity>(child: T, options: { ifMatch?: string } = {}): Promise<T> {
    return this.upsert(child, options.ifMatch);
  }

  private upsert<T extends RegistryEntity>(entity: T, ifMatch: string | undefined): T {
    const current = this.entities.get(entity.id);
    if (ifMatch !== undefined && current?._etag !== ifMatch) throw new ConcurrencyConflictError(`${entity.id} changed`);
    return this.seed(entity);
  }
}
