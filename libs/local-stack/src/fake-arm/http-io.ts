import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ArmError, invalidRequestContent } from './arm-error';

/** ARM refuses request bodies above 4 MB (arm-rpc.md §1.6). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** What a route answers: a status, an optional JSON body and headers. */
export interface ArmResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Reads the whole request body; rejects with 413 past {@link MAX_REQUEST_BYTES}. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_REQUEST_BYTES) {
        reject(
          new ArmError(413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_REQUEST_BYTES} bytes.`),
        );
      } else {
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', reject);
  });
}

/** Parses a JSON body; an empty body is `undefined`, malformed JSON is a 400. */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw invalidRequestContent(`The request content is not valid JSON: ${(error as Error).message}`);
  }
}

/** Writes a response; HEAD responses carry headers only. */
export function writeResponse(res: ServerResponse, method: string, response: ArmResponse): void {
  const payload = response.body === undefined ? undefined : Buffer.from(JSON.stringify(response.body), 'utf8');
  const headers: Record<string, string | number> = {
    'x-ms-request-id': randomUUID(),
    ...response.headers,
    'content-length': payload && method !== 'HEAD' ? payload.length : 0,
  };
  if (payload) headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

/** The response for a thrown error: ARM errors as they are, anything else as a 500. */
export function errorResponse(error: unknown): ArmResponse {
  const armError =
    error instanceof ArmError
      ? error
      : new ArmError(500, 'InternalServerError', `The fake ARM failed: ${(error as Error)?.message ?? String(error)}`);
  return { status: armError.status, body: armError.toBody(), headers: armError.headers };
}
