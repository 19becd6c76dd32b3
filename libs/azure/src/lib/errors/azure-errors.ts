import { isRestError, type RestError } from '@azure/core-rest-pipeline';

/**
 * Predicates on what the `@azure/arm-*` clients throw (ARO-RP `pkg/util/azureerrors`). They read
 * `RestError.statusCode` and `.code` (the ARM error code the client copies from the body), never
 * message text.
 */

/** Node and SDK codes of a request that never got an answer; the same request may succeed later. */
const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'REQUEST_SEND_ERROR',
]);

/** ARM codes of a caller that is not allowed, or not authenticated, to do what it asked. */
const AUTHORIZATION_CODES: ReadonlySet<string> = new Set([
  'AuthorizationFailed',
  'LinkedAuthorizationFailed',
  'AuthenticationFailed',
  'InvalidAuthenticationToken',
  'InvalidAuthenticationTokenTenant',
  'ExpiredAuthenticationToken',
]);

/** The inner ARM error object `{ code, message, target, details }` (`ErrorResponse` in the SDKs). */
export interface ArmErrorObject {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
  readonly details?: readonly ArmErrorObject[];
}

/** A `RestError` the client raised for an HTTP answer (not a network failure). */
function restErrorWithStatus(error: unknown): (RestError & { statusCode: number }) | undefined {
  return isRestError(error) && typeof error.statusCode === 'number'
    ? (error as RestError & { statusCode: number })
    : undefined;
}

/** ARM answered 429: too many requests (the SDK has already retried `maxRetries` times). */
export function isThrottled(error: unknown): boolean {
  return restErrorWithStatus(error)?.statusCode === 429;
}

/** A 5xx or 408 answer, or a request that never reached ARM: worth trying again later. */
export function isTransient(error: unknown): boolean {
  if (!isRestError(error)) return false;
  const { statusCode, code } = error;
  if (typeof statusCode === 'number') return statusCode >= 500 || statusCode === 408;
  return code !== undefined && NETWORK_ERROR_CODES.has(code);
}

/** A deployment of the same name is still running (409 `DeploymentActive`): wait for it instead. */
export function isDeploymentActive(error: unknown): boolean {
  return restErrorWithStatus(error)?.code === 'DeploymentActive';
}

/** A 401/403 answer or an ARM authorization/authentication code. */
export function isAuthorizationFailed(error: unknown): boolean {
  const rest = restErrorWithStatus(error);
  if (!rest) return false;
  return (
    rest.statusCode === 401 ||
    rest.statusCode === 403 ||
    (rest.code !== undefined && AUTHORIZATION_CODES.has(rest.code))
  );
}

/** ARM answered 404 (resource, group, rule or deployment not found). */
export function isNotFound(error: unknown): boolean {
  return restErrorWithStatus(error)?.statusCode === 404;
}

/** ARM answered 409 for another reason than an active deployment. */
export function isConflict(error: unknown): boolean {
  const rest = restErrorWithStatus(error);
  return rest?.statusCode === 409 && rest.code !== 'DeploymentActive';
}

/** True when an ARM error object, or any of its nested details, carries an authorization code. */
export function hasAuthorizationFailure(error: ArmErrorObject | undefined, depth = 0): boolean {
  if (!error || depth > 8) return false;
  if (error.code !== undefined && AUTHORIZATION_CODES.has(error.code)) return true;
  return (error.details ?? []).some((detail) => hasAuthorizationFailure(detail, depth + 1));
}

/**
 * The server's hint of when to retry, in ms: `retry-after-ms`, `x-ms-retry-after-ms`, then
 * `Retry-After` (seconds or an HTTP date). Undefined when absent or unreadable.
 */
export function retryAfterMsOf(error: unknown, now: () => number = Date.now): number | undefined {
  if (!isRestError(error) || !error.response) return undefined;
  const { headers } = error.response;
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(headers.get(name) ?? Number.NaN);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === undefined || retryAfter.trim() === '') return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** The ARM error body's inner object a `RestError` carries (core-client parses it into `details`). */
export function armErrorOf(error: unknown): ArmErrorObject | undefined {
  if (!isRestError(error)) return undefined;
  const body = (error as RestError & { details?: unknown }).details;
  const inner = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof inner === 'object' && inner !== null) return inner as ArmErrorObject;
  return error.code === undefined ? undefined : { code: error.code, message: error.message };
}
