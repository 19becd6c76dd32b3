import { z } from 'zod';

/** Azure Resource Manager in the public cloud. */
export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';

/** How the ARM clients retry a failed request (the SDK's own retry policy: 429 with Retry-After, 5xx, network). */
export const armRetryOptionsSchema = z.object({
  maxRetries: z.int().min(0).max(20).default(3),
  retryDelayInMs: z.int().min(0).max(60_000).default(1000),
  maxRetryDelayInMs: z.int().min(0).max(600_000).default(64_000),
});

/**
 * The ARM connection, validated by `AzureModule`. `mode: 'local'` points the clients at the
 * in-repo fake ARM: plain HTTP allowed, no bearer token sent. `mode: 'azure'` needs https and a
 * `TokenCredential`.
 */
export const azureOptionsSchema = z
  .object({
    mode: z.enum(['azure', 'local']).default('azure'),
    endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(DEFAULT_ARM_ENDPOINT),
    retry: armRetryOptionsSchema.prefault({}),
    /** First wait between polls of a long-running operation; ARM's Retry-After takes over when it sends one. */
    pollIntervalMs: z.int().min(0).max(60_000).default(2000),
    /** How long `deploy` waits for a deployment started by someone else before giving up (retryable). */
    maxDeploymentWaitMs: z
      .int()
      .min(1)
      .max(24 * 3600_000)
      .default(3 * 3600_000),
    /** DNS suffix of storage endpoints in connection strings (`core.windows.net` in the public cloud). */
    storageEndpointSuffix: z.string().min(1).default('core.windows.net'),
  })
  .refine((o) => o.mode === 'local' || o.endpoint.startsWith('https://'), {
    path: ['endpoint'],
    error: "must be https when mode is 'azure' (a bearer token is never sent over plain HTTP)",
  });

/** Input of {@link azureOptionsSchema} (defaults not yet applied). */
export type AzureOptionsInput = z.input<typeof azureOptionsSchema>;
/** Validated {@link azureOptionsSchema}. */
export type AzureOptions = z.output<typeof azureOptionsSchema>;

/** Validates options, naming each bad setting. */
export function parseAzureOptions(input: unknown): AzureOptions {
  const result = azureOptionsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`);
  throw new Error(`Invalid Azure options: ${problems.join('; ')}`);
}

const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);
const intSetting = (min: number, max: number) => unsetWhenEmpty(z.coerce.number().int().min(min).max(max).optional());

/**
 * The ARM settings of a service, as environment variables; apps compose the fragment into their
 * schema: `serviceConfigSchema(...).extend(azureConfigSchema.shape)`. ARM_ENDPOINT (default
 * management.azure.com), ARM_MODE (`azure` or `local`), ARM_MAX_RETRIES, ARM_RETRY_DELAY_MS,
 * ARM_MAX_RETRY_DELAY_MS, ARM_POLL_INTERVAL_MS.
 */
export const azureConfigSchema = z.object({
  ARM_ENDPOINT: unsetWhenEmpty(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(DEFAULT_ARM_ENDPOINT),
  ),
  ARM_MODE: unsetWhenEmpty(z.enum(['azure', 'local']).default('azure')),
  ARM_MAX_RETRIES: intSetting(0, 20),
  ARM_RETRY_DELAY_MS: intSetting(0, 60_000),
  ARM_MAX_RETRY_DELAY_MS: intSetting(0, 600_000),
  ARM_POLL_INTERVAL_MS: intSetting(0, 60_000),
});

/** Validated {@link azureConfigSchema}. */
export type AzureConfig = z.output<typeof azureConfigSchema>;

/** Maps validated environment settings to the options of `AzureModule`. */
export function azureOptionsFromConfig(config: AzureConfig): AzureOptionsInput {
  return {
    mode: config.ARM_MODE,
    endpoint: config.ARM_ENDPOINT,
    retry: {
      maxRetries: config.ARM_MAX_RETRIES,
      retryDelayInMs: config.ARM_RETRY_DELAY_MS,
      maxRetryDelayInMs: config.ARM_MAX_RETRY_DELAY_MS,
    },
    pollIntervalMs: config.ARM_POLL_INTERVAL_MS,
  };
}
