import { z } from 'zod';
import { isResourceGroupName } from '../../arm/resource-group-name';
import { isSubscriptionId } from '../../arm/subscription-id';

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, any hex casing (subscription ids, AAD object ids). */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A GUID string. */
export const guid = () => z.string().regex(GUID_PATTERN, { error: 'must be a GUID' });

/** A string with at least one non-blank character. */
export const text = () => z.string().regex(/\S/, { error: 'must not be empty or blank' });

/** ISO 8601 date-time with a zone (`Date.toISOString()`, Json.NET's `DateTime`/`DateTimeOffset`). */
export const isoDateTime = () => z.iso.datetime({ offset: true });

/** A Cosmos DB document id: 1-255 characters, none of `/ \ ? #`. */
export const documentId = () =>
  z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\?#]*$/, { error: 'must not contain /, \\, ? or #' });

/** An ARM resource group name (the `arm/` rules): 1-90 letters, digits, `-_.()`, not ending with a period. */
export const resourceGroupName = () =>
  z.string().refine(isResourceGroupName, {
    error: 'must be 1-90 letters, digits, "-", "_", ".", "(" or ")" and must not end with "."',
  });

/** An Azure subscription id (the `arm/` rule: a GUID). */
export const subscriptionId = () => z.string().refine(isSubscriptionId, { error: 'must be a subscription id (a GUID)' });

/** Cosmos per-item time to live: -1 (never expire) or a positive number of seconds. */
export const ttlSeconds = () =>
  z.int().refine((v) => v === -1 || v >= 1, { error: 'must be -1 (never expire) or a positive number of seconds' });

/** An http(s) absolute URL. */
export const httpUrl = () => z.url({ protocol: /^https?$/ });

/** An Event Hub name: 1-256 letters, digits, `._-`, starting and ending with a letter or digit. */
export const eventHubName = () =>
  z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,254}[A-Za-z0-9])?$/, {
    error: 'must be 1-256 letters, digits, ".", "_" or "-", starting and ending with a letter or digit',
  });

/** An Event Hubs shared access policy (authorization rule) name: 1-256 letters, digits, `._-`. */
export const sharedAccessPolicyName = () =>
  z.string().regex(/^[A-Za-z0-9._-]{1,256}$/, { error: 'must be 1-256 letters, digits, ".", "_" or "-"' });

/** A blob container name: 3-63 lowercase letters, digits and single hyphens, not at either end. */
export const storageContainerName = () =>
  z.string().regex(/^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$/, {
    error: 'must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
  });

/** A Key Vault secret name: 1-127 letters, digits and hyphens. */
export const keyVaultSecretName = () =>
  z.string().regex(/^[0-9A-Za-z-]{1,127}$/, { error: 'must be 1-127 letters, digits or "-"' });

const MAX_TAGS = 50;
const FORBIDDEN_TAG_KEY_CHARACTERS = /[<>%&\\?/]/;

/** ARM tags (arm-rpc.md §1.14): at most 50; key 1-512 characters without `<>%&\?/`; value at most 256. */
export const tags = () =>
  z.record(z.string(), z.string()).superRefine((value, ctx) => {
    const entries = Object.entries(value);
    if (entries.length > MAX_TAGS) ctx.addIssue({ code: 'custom', message: `must have at most ${MAX_TAGS} tags` });
    for (const [key, tagValue] of entries) {
      if (key.length === 0 || key.length > 512) {
        ctx.addIssue({ code: 'custom', message: 'tag name must be 1-512 characters long', path: [key] });
      } else if (FORBIDDEN_TAG_KEY_CHARACTERS.test(key)) {
        ctx.addIssue({ code: 'custom', message: 'tag name must not contain <, >, %, &, \\, ? or /', path: [key] });
      }
      if (tagValue.length > 256) {
        ctx.addIssue({ code: 'custom', message: 'tag value must be at most 256 characters long', path: [key] });
      }
    }
  });
