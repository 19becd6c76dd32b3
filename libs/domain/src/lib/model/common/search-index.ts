/**
 * The `searchIndex` of a document: a flat map queried by the repositories
 * (`c.searchIndex.ParentName = @parentName`).
 *
 * Keys are PascalCase, as the seed builds them from C# member names
 * (`SearchIndexDictionary<T>(this, p => p.ParentName)`) and queries them (`searchIndex.ParentName`).
 * Values are lowercased, because ARM names are case-insensitive: a query must lowercase its
 * parameters with {@link searchIndexValue}. The documents' own fields keep the caller's casing.
 */
export type SearchIndex = Readonly<Record<string, string>>;

/** Every search index key in use. */
export const SearchIndexKey = {
  Name: 'Name',
  Type: 'Type',
  ParentId: 'ParentId',
  ParentName: 'ParentName',
  ParentType: 'ParentType',
  ResourceGroupName: 'ResourceGroupName',
  ResourceTypeName: 'ResourceTypeName',
  ProviderNamespace: 'ProviderNamespace',
  SubscriptionId: 'SubscriptionId',
  AccountId: 'AccountId',
} as const;
export type SearchIndexKey = (typeof SearchIndexKey)[keyof typeof SearchIndexKey];

/** The form a value takes in a search index (and must take in a query parameter). */
export function searchIndexValue(value: string): string {
  return value.toLowerCase();
}

/** Builds a search index from `[key, value]` pairs, skipping absent values, in the given order. */
export function createSearchIndex(
  entries: ReadonlyArray<readonly [SearchIndexKey, string | undefined]>,
): SearchIndex {
  const index: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (value !== undefined && value !== '') index[key] = searchIndexValue(value);
  }
  return index;
}
