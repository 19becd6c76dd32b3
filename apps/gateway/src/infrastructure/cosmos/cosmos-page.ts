import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { withCosmosErrors } from '@iomt/persistence';

/** One page of raw documents and the store's token for the next. */
export interface RawPage {
  readonly documents: unknown[];
  readonly continuationToken?: string;
}

/**
 * Reads one page of `spec` in `partitionKey` (when given). Cosmos may return empty pages that still
 * have a continuation; they are skipped, so a page is empty only at the end. The SDK's token is
 * handed out as is: the gateway seals it into `$skipToken` before a caller sees it.
 */
export async function queryRawPage(
  container: Container,
  spec: SqlQuerySpec,
  partitionKey: string | undefined,
  page: { readonly continuationToken?: string; readonly pageSize?: number },
  action: string,
): Promise<RawPage> {
  return withCosmosErrors(action, async () => {
    let token = page.continuationToken;
    for (;;) {
      const result = await container.items
        .query(spec, { maxItemCount: page.pageSize ?? 100, continuationToken: token, ...(partitionKey === undefined ? {} : { partitionKey }) })
        .fetchNext();
      token = result.continuationToken;
      if (result.resources.length > 0 || !token) return { documents: result.resources, continuationToken: token || undefined };
    }
  });
}
