import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { UsageError } from './cli-options';

/** Used when the token's own expiry cannot be read. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    if (typeof payload.exp === 'number') return payload.exp * 1000;
  } catch {
    // Not a JWT: fall through.
  }
  return Date.now() + FALLBACK_LIFETIME_MS;
}

/**
 * A credential serving the ARM bearer token in `ARM_ACCESS_TOKEN` (e.g. from
 * `az account get-access-token --resource https://management.azure.com/`). A stop-gap until
 * `@azure/identity` is a dependency of the workspace (then: `DefaultAzureCredential`); the token
 * is never logged.
 * @throws UsageError when the variable is not set.
 */
export function accessTokenCredential(env: NodeJS.ProcessEnv): TokenCredential {
  const token = env.ARM_ACCESS_TOKEN;
  if (!token) {
    throw new UsageError(
      'ARM_ACCESS_TOKEN must be set to an ARM bearer token to deploy to Azure (az account get-access-token)',
    );
  }
  const accessToken: AccessToken = { token, expiresOnTimestamp: expiryOf(token) };
  return { getToken: async () => accessToken };
}
