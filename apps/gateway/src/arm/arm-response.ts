/** What an ARM handler answers: a status, an optional JSON body and headers. */
export interface ArmResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** 200 with a body. */
export function ok(body: unknown, headers?: Readonly<Record<string, string>>): ArmResponse {
  return { status: 200, body, ...(headers === undefined ? {} : { headers }) };
}

/** The `ETag` header of a response whose body is a resource with an `etag` (arm-rpc.md §1.4). */
export function etagHeader(body: unknown): Record<string, string> {
  const etag = (body as { etag?: unknown } | undefined)?.etag;
  return typeof etag === 'string' ? { etag } : {};
}
