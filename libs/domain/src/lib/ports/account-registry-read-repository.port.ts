import type {
  ChildResourceByType,
  ChildResourceType,
  FhirServiceAccount,
  IChildResource,
  RegistryEntity,
} from '../model';
import type { CallOptions, PagedResult, PageOptions } from './call-options';

/**
 * Reads FHIR services and their child resources from the Global DB (seed 004
 * `IAccountRegistryReadRepository`). All reads stay in the customer subscription's partition,
 * match names through the lowercased `searchIndex` (so ignoring case) and skip soft-deleted
 * documents. Single reads return undefined when nothing matches; lists return pages.
 *
 * `childName` is the child's stored name, `{parentName}\{childName}`. Children are typed by the
 * `childType` asked for: the adapter decodes with that type's codec.
 */
export interface AccountRegistryReadRepository {
  /** Children of one type under the parent with this name and type (seed: `GetChildResourcesByParentAsync` by name). */
  getChildResourcesByParentName<K extends ChildResourceType>(
    subscriptionId: string,
    parentName: string,
    parentType: string,
    childType: K,
    options?: PageOptions,
  ): Promise<PagedResult<ChildResourceByType[K]>>;

  /** Children of one type under the parent with this id (seed: `GetChildResourcesByParentAsync` by id). */
  getChildResourcesByParentId<K extends ChildResourceType>(
    subscriptionId: string,
    parentId: string,
    childType: K,
    options?: PageOptions,
  ): Promise<PagedResult<ChildResourceByType[K]>>;

  /** The child with this name under the parent with this name and type (seed: `GetChildResourceByParentAndNameAsync`). */
  getChildResourceByParentNameAndName<K extends ChildResourceType>(
    subscriptionId: string,
    parentName: string,
    parentType: string,
    childName: string,
    childType: K,
    options?: CallOptions,
  ): Promise<ChildResourceByType[K] | undefined>;

  /** The child with this name under the parent with this id (seed: `GetChildResourceByParentAndNameAsync` by id). */
  getChildResourceByParentIdAndName<K extends ChildResourceType>(
    subscriptionId: string,
    parentId: string,
    childName: string,
    childType: K,
    options?: CallOptions,
  ): Promise<ChildResourceByType[K] | undefined>;

  /** The parent document of a child, by `child.parentId` (seed: `GetParentByChildAsync`); narrow it by `type`. */
  getParentByChild(child: IChildResource, options?: CallOptions): Promise<RegistryEntity | undefined>;

  /** A child by document id, if it has the expected type (seed: `GetChildResourceByIdAsync`). */
  getChildResourceById<K extends ChildResourceType>(
    subscriptionId: string,
    childId: string,
    childType: K,
    options?: CallOptions,
  ): Promise<ChildResourceByType[K] | undefined>;

  /** The stored version of a child held in memory, e.g. to refresh it (seed: `GetChildResourceAsync`). */
  getChildResource<K extends ChildResourceType>(
    child: IChildResource & { readonly id: string; readonly type: K },
    options?: CallOptions,
  ): Promise<ChildResourceByType[K] | undefined>;

  /** The FHIR service with this name in a resource group (ours: the gateway's parent lookup). */
  getAccountByName(
    subscriptionId: string,
    resourceGroupName: string,
    name: string,
    options?: CallOptions,
  ): Promise<FhirServiceAccount | undefined>;
}

/** DI token of {@link AccountRegistryReadRepository}. */
export const ACCOUNT_REGISTRY_READ_REPOSITORY = Symbol.for('@iomt/domain:AccountRegistryReadRepository');
