import { z } from 'zod';
import { documentId, ttlSeconds } from '../validation/rules';

/**
 * The base of every Global DB document (seed 004 `AccountRegistryDocumentModel<string>`).
 *
 * Persistence fields, beyond the seed:
 * - `_etag`: the Cosmos ETag, set by the store on every write. Pass it back as `ifMatch`.
 * - `deleted`: the soft-delete marker. Reads skip documents with `deleted: true` (the seed's
 *   "& not deleted" in every query), so a delete is an update the change feed can see.
 * - `ttl`: Cosmos per-item time to live in seconds (`-1` = never). Set with `deleted`, or on
 *   archived operations, so the store purges them itself; needs `defaultTtl` on the container.
 */
export interface AccountRegistryDocumentModel {
  /** Document id, unique within its partition. */
  readonly id: string;
  /** The document type discriminator. */
  readonly type: string;
  /** Cosmos partition key value; derived, never set by hand (the customer subscription id for registry documents). */
  readonly partitionKey: string;
  readonly _etag?: string;
  readonly deleted?: boolean;
  readonly ttl?: number;
}

/** Schema fields shared by every document's entity form (the derived `partitionKey` is added by the codec). */
export const documentMetadataShape = {
  id: documentId(),
  _etag: z.string().min(1).optional(),
  deleted: z.boolean().optional(),
  ttl: ttlSeconds().optional(),
};

/** Lowercase letters and digits, as in the seed's account id example `hlvtf8c5mk3fjreha6tjexqu7`. */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 25;

/** A new random document id in the seed's style (25 lowercase letters and digits, ~129 bits). */
export function newDocumentId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(ID_LENGTH))) {
      // 252 = 7 * 36: dropping larger bytes keeps every character equally likely.
      if (byte < 252 && id.length < ID_LENGTH) id += ID_ALPHABET[byte % ID_ALPHABET.length];
    }
  }
  return id;
}

/** Default time a soft-deleted document stays readable to the change feed before Cosmos purges it. */
export const DEFAULT_DELETED_TTL_SECONDS = 7 * 24 * 60 * 60;

/** A soft-deleted copy of `document` that Cosmos purges after `ttl` seconds. */
export function markDeleted<T extends { deleted?: boolean; ttl?: number }>(
  document: T,
  ttl: number = DEFAULT_DELETED_TTL_SECONDS,
): T {
  return { ...document, deleted: true, ttl };
}

/** True unless the document carries the soft-delete marker. */
export function isLive(document: { deleted?: boolean }): boolean {
  return document.deleted !== true;
}
