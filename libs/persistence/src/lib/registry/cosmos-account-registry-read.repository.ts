import type { Container, SqlQuerySpec } from '@azure/cosmos';
import {
  AccountRegistryReadRepository,
  CallOptions,
  CHILD_NAME_SEPARATOR,
  childResourceName,
  ChildResourceByType,
  ChildResourceType,
  DocumentType,
  FhirServiceAccount,
  IChildResource,
  PagedResult,
  PageOptions,
  RegistryEntity,
  registryEntityFromDocument,
  searchIndexValue,
} from '@iomt/domain';
import { queryPage } from '../cosmos/query-page';
import { NOT_DELETED, readDocument } from '../cosmos/stored-documents';

// Every query names the subscription partition in its WHERE clause as well as in the request
// options (the local server ignores the option). Search index values are lowercased (domain rule).
export const CHILDREN_BY_PARENT_NAME_QUERY =
  'SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND c.searchIndex.ParentName = @parentName ' +
  `AND c.searchIndex.ParentType = @parentType AND c.searchIndex.Type = @childType AND ${NOT_DELETED}`;
export const CHILDREN_BY_PARENT_ID_QUERY =
  'SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND c.searchIndex.ParentId = @parentId ' +
  `AND c.searchIndex.Type = @childType AND ${NOT_DELETED}`;
export const CHILD_BY_PARENT_NAME_AND_NAME_QUERY =
  'SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND c.searchIndex.ParentName = @parentName ' +
  'AND c.searchIndex.ParentType = @parentType AND c.searchIndex.Name = @childName AND c.searchIndex.Type = @childType ' +
  `AND ${NOT_DELETED}`;
export const CHILD_BY_PARENT_ID_AND_NAME_QUERY =
  'SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND c.searchIndex.ParentId = @parentId ' +
  `AND c.searchIndex.Name = @childName AND c.searchIndex.Type = @childType AND ${NOT_DELETED}`;
export const ACCOUNT_BY_NAME_QUERY =
  'SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND c.searchIndex.Type = @type ' +
  `AND c.searchIndex.ResourceGroupName = @resourceGroupName AND c.searchIndex.Name = @name AND ${NOT_DELETED}`;

/** Query parameters, valued as the search index stores them. */
function indexed(params: Record<string, string>): SqlQuerySpec['parameters'] {
  return Object.entries(params).map(([name, value]) => ({ name: `@${name}`, value: searchIndexValue(value) }));
}

/** A stored child as its entity; the codec of its `type` validates it. */
function decodeChild<K extends ChildResourceType>(document: unknown, childType: K): ChildResourceByType[K] {
  const entity = registryEntityFromDocument(document);
  if (entity.type !== childType) throw new Error(`Expected a ${childType} document, read a ${entity.type}`);
  return entity as ChildResourceByType[K];
}

/**
 * The seed's `AccountRegistryReadRepository` on Cosmos DB: children by parent name and type, by
 * parent id, by parent and name, by id; the parent of a child; a FHIR service by name. Lists page
 * with continuation tokens; single reads return undefined when nothing live matches.
 */
export class CosmosAccountRegistryReadRepository implements AccountRegistryReadRepository {
  constructor(protected readonly container: Container) {}

  getChildResourcesByParentName<K extends ChildResourceType>(
    subscriptionId: string,
    parentName: string,
    parentType: string,
    childType: K,
    options: PageOptions = {},
  ): Promise<PagedResult<ChildResourceByType[K]>> {
    const parameters = indexed({ subscriptionId, parentName, parentType, childType });
    const action = `list the ${childType} children of ${parentType} ${parentName}`;
    return this.page({ query: CHILDREN_BY_PARENT_NAME_QUERY, parameters }, subscriptionId, childType, options, action);
  }

  getChildResourcesByParentId<K extends ChildResourceType>(
    subscriptionId: string,
    parentId: string,
    childType: K,
    options: PageOptions = {},
  ): Promise<PagedResult<ChildResourceByType[K]>> {
    const parameters = indexed({ subscriptionId, parentId, childType });
    const action = `list the ${childType} children of ${parentId}`;
    return this.page({ query: CHILDREN_BY_PARENT_ID_QUERY, parameters }, subscriptionId, childType, options, action);
  }

  /** `childName` is the stored `{parent}\{child}` name; a bare `{child}` is taken under `parentName`. */
  getChildResourceByParentNameAndName<K extends ChildResourceType>(
    subscriptionId: string,
    parentName: string,
    parentType: string,
    childName: string,
    childType: K,
    options: CallOptions = {},
  ): Promise<ChildResourceByType[K] | undefined> {
    const fullName = childName.includes(CHILD_NAME_SEPARATOR) ? childName : childResourceName(parentName, childName);
    const parameters = indexed({ subscriptionId, parentName, parentType, childName: fullName, childType });
    const spec = { query: CHILD_BY_PARENT_NAME_AND_NAME_QUERY, parameters };
    return this.single(spec, subscriptionId, childType, options, `read ${childType} ${fullName}`);
  }

  getChildResourceByParentIdAndName<K extends ChildResourceType>(
    subscriptionId: string,
    parentId: string,
    childName: string,
    childType: K,
    options: CallOptions = {},
  ): Promise<ChildResourceByType[K] | undefined> {
    const parameters = indexed({ subscriptionId, parentId, childName, childType });
    const spec = { query: CHILD_BY_PARENT_ID_AND_NAME_QUERY, parameters };
    return this.single(spec, subscriptionId, childType, options, `read ${childType} ${childName}`);
  }

  async getParentByChild(child: IChildResource, options: CallOptions = {}): Promise<RegistryEntity | undefined> {
    const action = `read the parent of ${child.name}`;
    const document = await readDocument(this.container, child.parentId, child.subscriptionId, action, options);
    return document === undefined ? undefined : registryEntityFromDocument(document);
  }

  async getChildResourceById<K extends ChildResourceType>(
    subscriptionId: string,
    childId: string,
    childType: K,
    options: CallOptions = {},
  ): Promise<ChildResourceByType[K] | undefined> {
    const document = await readDocument(this.container, childId, subscriptionId, `read ${childType} ${childId}`, options);
    return document?.type === childType ? decodeChild(document, childType) : undefined;
  }

  getChildResource<K extends ChildResourceType>(
    child: IChildResource & { readonly id: string; readonly type: K },
    options: CallOptions = {},
  ): Promise<ChildResourceByType[K] | undefined> {
    return this.getChildResourceById(child.subscriptionId, child.id, child.type, options);
  }

  async getAccountByName(
    subscriptionId: string,
    resourceGroupName: string,
    name: string,
    options: CallOptions = {},
  ): Promise<FhirServiceAccount | undefined> {
    const parameters = indexed({ subscriptionId, type: DocumentType.Account, resourceGroupName, name });
    const action = `read FHIR service ${name}`;
    const page = await queryPage(this.container, { query: ACCOUNT_BY_NAME_QUERY, parameters }, subscriptionId, { ...options, pageSize: 1 }, action);
    return page.documents.length === 0 ? undefined : (registryEntityFromDocument(page.documents[0]) as FhirServiceAccount);
  }

  private async page<K extends ChildResourceType>(
    spec: SqlQuerySpec,
    subscriptionId: string,
    childType: K,
    options: PageOptions,
    action: string,
  ): Promise<PagedResult<ChildResourceByType[K]>> {
    const { documents, continuationToken } = await queryPage(this.container, spec, subscriptionId, options, action);
    return { items: documents.map((document) => decodeChild(document, childType)), continuationToken };
  }

  private async single<K extends ChildResourceType>(
    spec: SqlQuerySpec,
    subscriptionId: string,
    childType: K,
    options: CallOptions,
    action: string,
  ): Promise<ChildResourceByType[K] | undefined> {
    const { documents } = await queryPage(this.container, spec, subscriptionId, { ...options, pageSize: 1 }, action);
    return documents.length === 0 ? undefined : decodeChild(documents[0], childType);
  }
}
