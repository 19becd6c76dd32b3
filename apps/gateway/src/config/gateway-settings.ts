import { z } from 'zod';
import { integerSetting, optionalPortSetting, optionalSecretSetting, unsetWhenEmpty } from '@iomt/service-kit';

/** ARM's bounds on `Retry-After` of a long-running operation, in seconds (arm-rpc.md §1.5). */
export const ARM_RETRY_AFTER_SECONDS = { min: 10, max: 600 } as const;

/** Largest request body ARM forwards (arm-rpc.md §1.6); bigger bodies get 413. */
export const MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024;

/** A comma-separated list whose every item must pass `item`; the error names the setting, never an item. */
const commaList = (item: z.ZodType<string, string>, error: string) =>
  unsetWhenEmpty(
    z
      .string()
      .transform((value, ctx) => {
        const parsed = value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part.length > 0)
          .map((part) => item.safeParse(part));
        if (parsed.length > 0 && parsed.every((result) => result.success)) return parsed.map((result) => result.data as string);
        ctx.addIssue({ code: 'custom', message: error });
        return z.NEVER;
      })
      .optional(),
  );

/** SHA-1 (40 hex digits) or SHA-256 (64) certificate thumbprint, with or without colons. */
const thumbprint = z
  .string()
  .transform((value) => value.replace(/:/g, '').toUpperCase())
  .pipe(z.string().regex(/^(?:[0-9A-F]{40}|[0-9A-F]{64})$/));

/**
 * The gateway's own settings (beyond PORT, HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS):
 * - local stack only (loopback HOST): LOCAL_ARM_TOKEN; LOCAL_ALLOW_ANONYMOUS (no token needed on loopback,
 *   what `npm start` sets when LOCAL_ARM_TOKEN is unset); LOCAL_AUTO_REGISTER_SUBSCRIPTIONS (a subscription
 *   ARM never announced counts as Registered, as `az provider register` would have made it);
 * - authentication: ARM_CLIENT_CERT_THUMBPRINTS with
 *   TLS_PORT/TLS_CERT_FILE/TLS_KEY_FILE (mutual TLS), ENTRA_ISSUERS/ENTRA_AUDIENCE with ENTRA_JWKS_URI or
 *   ENTRA_JWKS (Entra ID bearer tokens);
 * - the operators' admin API (`/admin/...`): ADMIN_TOKEN (loopback HOST only) and/or ADMIN_ENTRA_ROLE
 *   (an app role Entra ID tokens must carry; needs the ENTRA_* settings);
 * - long-running operations: LRO_RETRY_AFTER_SECONDS (10, ARM's minimum; the local stack uses 1);
 * - admission: MAX_QUEUED_OPERATIONS_PER_SUBSCRIPTION, THROTTLED_RETRY_AFTER_SECONDS, PUBLISH_TIMEOUT_MS,
 *   REGION_CACHE_TTL_MS;
 * - lists: LIST_PAGE_SIZE and SKIP_TOKEN_KEY (base64, 32 bytes; a random per-process key when unset).
 */
export const gatewaySettingsShape = {
  GATEWAY_PORT: optionalPortSetting(),
  LOCAL_ARM_TOKEN: optionalSecretSetting(),
  LOCAL_ALLOW_ANONYMOUS: unsetWhenEmpty(z.stringbool({ error: 'must be true or false' }).default(false)),
  LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: unsetWhenEmpty(z.stringbool({ error: 'must be true or false' }).default(false)),
  ARM_CLIENT_CERT_THUMBPRINTS: commaList(thumbprint, 'must be SHA-1 or SHA-256 hex thumbprints'),
  TLS_PORT: optionalPortSetting(),
  TLS_HOST: unsetWhenEmpty(z.string().optional()),
  TLS_CERT_FILE: unsetWhenEmpty(z.string().optional()),
  TLS_KEY_FILE: unsetWhenEmpty(z.string().optional()),
  ENTRA_ISSUERS: commaList(z.url(), 'must be issuer URLs'),
  ENTRA_AUDIENCE: unsetWhenEmpty(z.string().optional()),
  ENTRA_JWKS_URI: unsetWhenEmpty(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  ENTRA_JWKS: optionalSecretSetting(),
  ADMIN_TOKEN: optionalSecretSetting(),
  ADMIN_ENTRA_ROLE: unsetWhenEmpty(z.string().optional()),
  LRO_RETRY_AFTER_SECONDS: unsetWhenEmpty(integerSetting(1, ARM_RETRY_AFTER_SECONDS.max).default(ARM_RETRY_AFTER_SECONDS.min)),
  MAX_QUEUED_OPERATIONS_PER_SUBSCRIPTION: unsetWhenEmpty(integerSetting(1, 10_000).default(50)),
  THROTTLED_RETRY_AFTER_SECONDS: unsetWhenEmpty(integerSetting(1, 3600).default(ARM_RETRY_AFTER_SECONDS.min)),
  PUBLISH_TIMEOUT_MS: unsetWhenEmpty(integerSetting(1, 60_000).default(5_000)),
  REGION_CACHE_TTL_MS: unsetWhenEmpty(integerSetting(0, 3_600_000).default(60_000)),
  LIST_PAGE_SIZE: unsetWhenEmpty(integerSetting(1, 1000).default(100)),
  SKIP_TOKEN_KEY: unsetWhenEmpty(
    z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, { error: 'must be 32 bytes in base64' })
      .optional(),
  ),
};
