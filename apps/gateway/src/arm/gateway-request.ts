import type { IncomingMessage } from 'node:http';

/** Response header with the id ARM and operators quote for a request (service-kit sets it). */
export const REQUEST_ID_HEADER = 'x-ms-request-id';

/**
 * What the gateway's pipeline adds to a request as it passes: `x-ms-arm-resource-system-data`
 * moved off the headers, the api-version checked for the route's resource type, and the body once read.
 * Express's own additions (`query`, `params`) are typed loosely on purpose: they come from the
 * network.
 */
export interface GatewayRequest extends IncomingMessage {
  query: Record<string, unknown>;
  params: Record<string, string>;
  body?: unknown;
  /** The body text as received (JSON requests only); mapping positions are computed on it. */
  rawBody?: string;
  /** `x-ms-arm-resource-system-data` as sent, moved here before the request logger sees it (`express-setup.provider.ts`). */
  systemDataHeader?: string;
  /** Set by `ApiVersionGuard`, in the casing of the api-version table. */
  armApiVersion?: string;
}

/** The first value of a header that may repeat. */
export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
