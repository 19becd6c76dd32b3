import type { z } from 'zod';
import { parseOrThrow } from '@iomt/domain';

/** Parses a request body with `schema`: 400 `InvalidRequestContent` listing every problem with its path. */
export function parseRequestBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) {
    return parseOrThrow(schema, body, 'The request body', { target: 'body' });
  }
  return parseOrThrow(schema, body, 'The request body');
}
