import type { Container, FeedOptions, SqlQuerySpec } from '@azure/cosmos';
import { PageOptions, ValidationError } from '@iomt/domain';
import { decodeContinuationToken, encodeContinuationToken } from './continuation-token';
import { withCosmosErrors } from './cosmos-error.mapper';

/** Items per page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 100;
/** The most items a caller may ask for in one page. */
export const MAX_PAGE_SIZE = 1000;

/** One page of raw documents. */
export interface DocumentPage {
  readonly documents: unknown[];
  /** Present when there are more items; pass it back to read the next page. */
  readonly continuationToken?: string;
}

/** Checks a caller's page size (1 to {@link MAX_PAGE_SIZE}; {@link DEFAULT_PAGE_SIZE} when absent). */
export function pageSizeOf(options: PageOptions): number {
  const size = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new ValidationError(`The page size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${size}`, {
      target: 'pageSize',
    });
  }
  return size;
}

/**
 * Reads one page of `spec`. `partitionKey` scopes the request when given; the query must also
 * filter on it in its WHERE clause (the local server ignores the option). Empty pages that still
 * have a continuation (Cosmos may return them) are skipped, so a page is empty only at the end.
 */
export async function queryPage(
  container: Container,
  spec: SqlQuerySpec,
  partitionKey: string | undefined,
  options: PageOptions,
  action: string,
): Promise<DocumentPage> {
  const maxItemCount = pageSizeOf(options);
  const start = options.continuationToken === undefined ? undefined : decodeContinuationToken(spec, options.continuationToken);
  const feed = (continuationToken: string | undefined): FeedOptions => ({
    maxItemCount,
    continuationToken,
    abortSignal: options.signal,
    ...(partitionKey === undefined ? {} : { partitionKey }),
  });
  const fetch = async (): Promise<DocumentPage> => {
    let sdkToken = start;
    for (;;) {
      const page = await container.items.query(spec, feed(sdkToken)).fetchNext();
      sdkToken = page.continuationToken;
      if (page.resources.length > 0 || !sdkToken) {
        return { documents: page.resources, continuationToken: sdkToken ? encodeContinuationToken(spec, sdkToken) : undefined };
      }
    }
  };
  return withCosmosErrors(action, fetch, options.signal);
}
