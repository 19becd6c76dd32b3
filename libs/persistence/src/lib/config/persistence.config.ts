import { z } from 'zod';

/** A week: how long a soft-deleted document stays before Cosmos purges it. */
export const DEFAULT_DELETED_DOCUMENT_TTL_SECONDS = 7 * 24 * 60 * 60;

/** A Cosmos database or container id: 1-255 characters, none of `/ \ ? #`. */
const cosmosResourceId = () =>
  z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\?#]+$/, { error: 'must not contain /, \\, ? or #' });

/**
 * The Global DB connection, validated by `PersistenceModule` before it builds a client.
 * `tlsRejectUnauthorized: false` is for the local server only (its certificate is self-signed).
 */
export const globalDbOptionsSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  // Never echoed: zod messages name the rule, not the value.
  key: z.string().min(1, { error: 'must not be empty' }),
  databaseName: cosmosResourceId(),
  tlsRejectUnauthorized: z.boolean().default(true),
  /** How often the SDK retries a throttled (429) request, waiting the server's retry-after each time. */
  maxThrottleRetries: z.int().min(0).max(20).default(9),
  /** Upper bound of the total time the SDK spends on those retries. */
  maxThrottleWaitSeconds: z.int().min(1).max(300).default(30),
  deletedDocumentTtlSeconds: z.int().min(1).default(DEFAULT_DELETED_DOCUMENT_TTL_SECONDS),
});

/** Validated {@link globalDbOptionsSchema}. */
export type GlobalDbOptions = z.output<typeof globalDbOptionsSchema>;

/** Where mapping templates are stored; see `MappingContainerResolver`. */
export const mappingStorageOptionsSchema = z.object({
  /**
   * One storage account for every connector (Azurite locally): blobs go under a folder per
   * storage account name. Without it, the account named in the connector's storage definition
   * is used with the credential given to `PersistenceModule`.
   */
  connectionString: z.string().min(1, { error: 'must not be empty' }).optional(),
  /** `https://{account}.blob.core.windows.net` in Azure; `{account}` is replaced. */
  accountUrlTemplate: z
    .string()
    .regex(/^https?:\/\/.*\{account\}/, { error: 'must be an http(s) URL containing {account}' })
    .default('https://{account}.blob.core.windows.net'),
});

/** Validated {@link mappingStorageOptionsSchema}. */
export type MappingStorageOptions = z.output<typeof mappingStorageOptionsSchema>;

/** Everything `PersistenceModule.forRootAsync` needs. */
export const persistenceOptionsSchema = z.object({
  globalDb: globalDbOptionsSchema,
  mappingStorage: mappingStorageOptionsSchema.default({ accountUrlTemplate: 'https://{account}.blob.core.windows.net' }),
});

/** Input of {@link persistenceOptionsSchema} (defaults not yet applied). */
export type PersistenceOptionsInput = z.input<typeof persistenceOptionsSchema>;
/** Validated {@link persistenceOptionsSchema}. */
export type PersistenceOptions = z.output<typeof persistenceOptionsSchema>;

const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

/**
 * The Global DB and mapping storage settings of a service, as environment variables; apps compose
 * the fragment into their schema: `serviceConfigSchema(...).extend(persistenceConfigSchema.shape)`.
 * COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE (default `globaldb`), COSMOS_TLS_VERIFY (default
 * true; `false` only for the local server) and MAPPING_STORAGE_CONNECTION_STRING (one storage
 * account for every connector, e.g. Azurite). Errors never echo the key or the connection string.
 */
export const persistenceConfigSchema = z.object({
  COSMOS_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  COSMOS_KEY: z.string().min(1, { error: 'must not be empty' }),
  COSMOS_DATABASE: unsetWhenEmpty(cosmosResourceId().default('globaldb')),
  COSMOS_TLS_VERIFY: unsetWhenEmpty(z.stringbool({ error: 'must be true or false' }).default(true)),
  MAPPING_STORAGE_CONNECTION_STRING: unsetWhenEmpty(z.string().optional()),
});

/** Validated {@link persistenceConfigSchema}. */
export type PersistenceConfig = z.output<typeof persistenceConfigSchema>;

/** Maps validated environment settings to the options of `PersistenceModule.forRootAsync`. */
export function persistenceOptionsFromConfig(config: PersistenceConfig): PersistenceOptionsInput {
  return {
    globalDb: {
      endpoint: config.COSMOS_ENDPOINT,
      key: config.COSMOS_KEY,
      databaseName: config.COSMOS_DATABASE,
      tlsRejectUnauthorized: config.COSMOS_TLS_VERIFY,
    },
    mappingStorage:
      config.MAPPING_STORAGE_CONNECTION_STRING === undefined
        ? undefined
        : { connectionString: config.MAPPING_STORAGE_CONNECTION_STRING },
  };
}
