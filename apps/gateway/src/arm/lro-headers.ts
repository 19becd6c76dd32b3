import { formatResourceId, operationStatusResourceId } from '@iomt/domain';

/** Where ARM polls an operation. */
export interface OperationUrls {
  /** `.../locations/{loc}/operationStatuses/{id}`: the `Azure-AsyncOperation` URL. */
  readonly asyncOperation: string;
  /** `.../locations/{loc}/operationresults/{id}`: the `Location` URL. */
  readonly location: string;
}

/** What the URLs of an operation are made of. */
export interface OperationUrlParts {
  /** `scheme://host` of the caller's URL (the `referer`). */
  readonly baseUrl: string;
  readonly subscriptionId: string;
  readonly location: string;
  readonly operationId: string;
  /** The api-version of the request that started the operation; status URLs are polled with it. */
  readonly apiVersion: string;
  /** A path before the subscription scope (`/admin` for the operators' API); none for ARM. */
  readonly pathPrefix?: string;
}

/**
 * The subscription-scoped status URLs of an operation (arm-rpc.md §1.1: they outlive a deleted
 * resource), on the caller's host.
 */
export function operationUrls(parts: OperationUrlParts): OperationUrls {
  const url = (kind: 'operationStatus' | 'operationResult') => {
    const path = formatResourceId(
      operationStatusResourceId({ subscriptionId: parts.subscriptionId, location: parts.location, operationId: parts.operationId, kind }),
    );
    return `${parts.baseUrl}${parts.pathPrefix ?? ''}${path}?api-version=${encodeURIComponent(parts.apiVersion)}`;
  };
  return { asyncOperation: url('operationStatus'), location: url('operationResult') };
}

/**
 * The headers of an accepted long-running request: `Azure-AsyncOperation`, `Location` and
 * `Retry-After` in whole seconds (arm-rpc.md §1.5).
 */
export function lroHeaders(urls: OperationUrls, retryAfterSeconds: number): Record<string, string> {
  return {
    'azure-asyncoperation': urls.asyncOperation,
    location: urls.location,
    'retry-after': String(retryAfterSeconds),
  };
}
