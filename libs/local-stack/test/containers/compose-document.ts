import { load } from 'js-yaml';
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The part of a compose service the stack rules read; other keys pass through unchecked. */
const composeServiceSchema = z.looseObject({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string() }, { error: 'must be { context, dockerfile }' }).optional(),
  // The map form only: it is the form whose keys can be checked against a config schema.
  environment: z.record(z.string(), scalar, { error: 'must be a map of NAME: value' }).optional(),
  ports: z.array(z.string(), { error: 'must be a list of "host:container" strings' }).optional(),
  expose: z.array(scalar).optional(),
  volumes: z.array(z.string()).optional(),
  depends_on: z
    .record(z.string(), z.object({ condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']) }), {
      error: 'must be a map of service: { condition }',
    })
    .optional(),
  healthcheck: z.looseObject({ test: z.union([z.string(), z.array(z.string())]) }).optional(),
});

/** A compose service as the stack rules see it. */
export type ComposeService = z.output<typeof composeServiceSchema>;

const composeDocumentSchema = z.looseObject({
  services: z.record(z.string(), composeServiceSchema, { error: 'must be a map of services' }),
});

/** A compose file as the stack rules see it. */
export type ComposeDocument = z.output<typeof composeDocumentSchema>;

/** A compose file that is not YAML, or not shaped like the parts the rules read. */
export class ComposeDocumentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid compose document: ${problems.join('; ')}`);
    this.name = 'ComposeDocumentError';
  }
}

/**
 * Checks an already parsed compose document's shape.
 * @throws ComposeDocumentError naming the path of each problem (`services.gateway.ports: ...`).
 */
export function toComposeDocument(value: unknown): ComposeDocument {
  const result = composeDocumentSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ComposeDocumentError(result.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`));
}

/**
 * Parses compose YAML (anchors and merge keys resolved) and checks its shape.
 * @throws ComposeDocumentError on YAML syntax errors too.
 */
export function parseComposeDocument(text: string, filename = 'docker-compose.yml'): ComposeDocument {
  let value: unknown;
  try {
    value = load(text, { filename });
  } catch (error) {
    throw new ComposeDocumentError([`${filename} is not YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  return toComposeDocument(value);
}
