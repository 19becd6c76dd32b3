import type { Container, ItemDefinition } from '@azure/cosmos';
import { withCosmosErrors } from './cosmos-error.mapper';

/**
 * The seed's "& not deleted" of every read query: soft-deleted documents stay (until their TTL
 * purges them) but are invisible. Written so documents without the marker match too.
 */
export const NOT_DELETED = '(NOT IS_DEFINED(c.deleted) OR c.deleted = false)';

/** Cosmos system properties other than `_etag`, which entities keep for optimistic concurrency. */
const SYSTEM_PROPERTIES: ReadonlySet<string> = new Set(['_rid', '_self', '_ts', '_attachments']);

/**
 * A stored document without Cosmos bookkeeping (entities' schemas would reject or drop it anyway).
 *
 * Copies the other properties rather than deleting from a copy: `delete` turns an object into a
 * slow dictionary-mode one, which made every later property read (the codec's whole parse) about
 * twice as slow.
 */
export function withoutSystemProperties(document: ItemDefinition): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(document)) {
    if (SYSTEM_PROPERTIES.has(key)) continue;
    if (key === '__proto__') Object.defineProperty(copy, key, { value: document[key], enumerable: true, writable: true, configurable: true });
    else copy[key] = document[key];
  }
  return copy;
}

/** The body to write: the document without `_etag`, which goes in the `If-Match` condition instead. */
export function bodyOf(document: object): ItemDefinition {
  const { _etag: _ignored, ...body } = document as Record<string, unknown>;
  return body as ItemDefinition;
}

/** True when the document carries the soft-delete marker. */
export function isSoftDeleted(document: { deleted?: unknown }): boolean {
  return document.deleted === true;
}

/**
 * Point read of one document; undefined when it does not exist or is soft-deleted
 * (`includeDeleted` to see those too).
 */
export async function readDocument(
  container: Container,
  id: string,
  partitionKey: string,
  action: string,
  options: { readonly signal?: AbortSignal; readonly includeDeleted?: boolean } = {},
): Promise<Record<string, unknown> | undefined> {
  const { resource } = await withCosmosErrors(
    action,
    () => container.item(id, partitionKey).read<ItemDefinition>({ abortSignal: options.signal }),
    options.signal,
  );
  if (resource === undefined) return undefined;
  const document = withoutSystemProperties(resource);
  return !options.includeDeleted && isSoftDeleted(document) ? undefined : document;
}

/** Request options of a write: `If-Match` for an ETag (unconditional without), and cancellation. */
export function writeOptions(
  etag: string | undefined,
  signal?: AbortSignal,
): { accessCondition?: { type: 'IfMatch'; condition: string }; abortSignal?: AbortSignal } {
  return {
    ...(etag === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: etag } }),
    ...(signal === undefined ? {} : { abortSignal: signal }),
  };
}
