import type { TLSSocket } from 'node:tls';
import { GatewayRequest, headerValue } from './gateway-request';

/**
 * The URL the caller used, as ARM forwards it in `referer` (arm-rpc.md §1.2): LRO and `nextLink`
 * URLs must be built on its host, never ours. Without a usable referer (a direct call) the request's
 * own scheme, `Host` and path stand in.
 */
export function publicRequestUrl(request: GatewayRequest): URL {
  const referer = parseUrl(headerValue(request, 'referer'));
  if (referer !== undefined) return referer;
  const scheme = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const host = headerValue(request, 'host') ?? 'localhost';
  return parseUrl(`${scheme}://${host}${request.url ?? '/'}`) ?? new URL(`${scheme}://localhost${request.url ?? '/'}`);
}

function parseUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `scheme://host[:port]` of the public URL. */
export function publicBaseUrl(request: GatewayRequest): string {
  return publicRequestUrl(request).origin;
}
