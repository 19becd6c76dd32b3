import { documentMetadataShape } from './account-registry-document';
import { createSearchIndex, SearchIndex, SearchIndexKey } from './search-index';
import { CHILD_NAME_SEPARATOR } from '../../arm/child-resource-name';
import { documentId, subscriptionId, text } from '../validation/rules';
import { CrossFieldRule } from '../validation/cross-field-rule';

/** Associates a child resource with its parent (seed 004 `IChildResource`). */
export interface IChildResource {
  /** Id of the parent document, e.g. `hlvtf8c5mk3fjreha6tjexqu7`. */
  readonly parentId: string;
  /** Name of the parent, e.g. `fhirservicename`. */
  readonly parentName: string;
  /** Type of the parent, e.g. `account`. */
  readonly parentType: string;
  /** Type of the child, e.g. `iomtConnector`. */
  readonly type: string;
  /** Name of the child: `{parentName}\\{childName}` (seed 004; the `arm/` child names). */
  readonly name: string;
  /** The customer subscription the child belongs to. */
  readonly subscriptionId: string;
}

/** A child resource as held in memory (seed 004 `ChildResource`); its document adds `partitionKey` and `searchIndex`. */
export interface ChildResource extends IChildResource {
  readonly id: string;
  readonly _etag?: string;
  readonly deleted?: boolean;
  readonly ttl?: number;
}

/** Schema fields of every child resource. */
export const childResourceShape = {
  ...documentMetadataShape,
  parentId: documentId(),
  parentName: text(),
  parentType: text(),
  subscriptionId: subscriptionId(),
  name: text(),
};

/**
 * A child's stored name, `{parentName}\\{childName}` as seed 004 says ARM names children (the
 * same separator as `arm/`'s `formatChildResourceName`). Not checked here: the entity rule
 * {@link nameUnderParentRule} reports a bad part along with every other problem.
 */
export function childResourceName(parentName: string, childName: string): string {
  return `${parentName}${CHILD_NAME_SEPARATOR}${childName}`;
}

/** Requires `name` to be `{parentName}\\{leaf}` (parent matched ignoring case) with one non-empty leaf. */
export const nameUnderParentRule: CrossFieldRule<IChildResource> = {
  path: ['name'],
  check: ({ name, parentName }) => {
    if (typeof name !== 'string' || typeof parentName !== 'string') return undefined;
    const prefix = `${parentName}${CHILD_NAME_SEPARATOR}`;
    const leaf = name.slice(prefix.length);
    const underParent = name.toLowerCase().startsWith(prefix.toLowerCase());
    return underParent && leaf.length > 0 && !leaf.includes(CHILD_NAME_SEPARATOR)
      ? undefined
      : `must be ${prefix}{name}: the parent's name, "${CHILD_NAME_SEPARATOR}" and the child's own non-empty name`;
  },
};

/**
 * The seed's `CreateSearchIndex`: the extra indexes of a child type first, then the common ones
 * (name, type, parentId, parentName, parentType).
 */
export function childSearchIndex(
  child: IChildResource,
  extras: ReadonlyArray<readonly [SearchIndexKey, string | undefined]> = [],
): SearchIndex {
  return createSearchIndex([
    ...extras,
    [SearchIndexKey.Name, child.name],
    [SearchIndexKey.Type, child.type],
    [SearchIndexKey.ParentId, child.parentId],
    [SearchIndexKey.ParentName, child.parentName],
    [SearchIndexKey.ParentType, child.parentType],
  ]);
}
