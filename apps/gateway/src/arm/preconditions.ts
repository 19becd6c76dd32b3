import { ConcurrencyConflictError } from '@iomt/domain';
import type { ArmRequest } from './arm-request';

/** Compares ETags leniently: quoted or not, weak or strong. */
function sameTag(a: string, b: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return bare(a) === bare(b);
}

function matchesAny(header: string, etag: string | undefined): boolean {
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) return etag !== undefined;
  return etag !== undefined && tags.some((tag) => sameTag(tag, etag));
}

/**
 * `If-Match` / `If-None-Match` against the stored resource (arm-rpc.md §1.4): `If-Match` on a
 * missing resource or with another ETag, and `If-None-Match: *` on an existing one, are 412
 * `PreconditionFailed`.
 */
export function assertPreconditions(arm: ArmRequest, stored: { readonly _etag?: string } | undefined): void {
  const exists = stored !== undefined;
  if (arm.ifMatch !== undefined && !(exists && matchesAny(arm.ifMatch, stored._etag ?? ''))) {
    throw new ConcurrencyConflictError(
      exists ? "The resource's ETag does not match If-Match." : 'The resource does not exist, so If-Match cannot match.',
      { target: 'If-Match' },
    );
  }
  if (arm.ifNoneMatch !== undefined && exists && matchesAny(arm.ifNoneMatch, stored._etag ?? '')) {
    throw new ConcurrencyConflictError('The resource already exists and matches If-None-Match.', { target: 'If-None-Match' });
  }
}
