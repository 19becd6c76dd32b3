import { ErrorCode, ValidationError } from '../errors';
import { armValidationError, quoteInput } from './arm-error';

/** The api-version ARM uses for subscription lifecycle notifications; it is never checked (arm-rpc.md §1.8). */
export const SUBSCRIPTION_LIFECYCLE_API_VERSION = '2.0';

/** A parsed api-version: `YYYY-MM-DD` plus an optional suffix such as `preview`. */
export interface ApiVersion {
  /** The text as the caller sent it. */
  readonly text: string;
  /** The `YYYY-MM-DD` part. */
  readonly date: string;
  /** The suffix after the date, without its hyphen, as sent ("preview", "privatepreview"); absent for stable. */
  readonly suffix?: string;
}

/** `YYYY-MM-DD[-suffix]` (arm-rpc.md §1.1: -preview, -alpha, -beta, -rc, -privatepreview). */
const API_VERSION_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:-([a-z]+))?$/i;

/** True when year-month-day names a real calendar day. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The ARM error for a request without `api-version`. */
export function missingApiVersionError(): ValidationError {
  return armValidationError(
    ErrorCode.MissingApiVersionParameter,
    'The api-version query parameter (?api-version=) is required for all requests.',
    'api-version',
  );
}

/** The ARM error for an api-version that is malformed or not supported, listing the supported ones. */
export function invalidApiVersionError(value: unknown, supported: readonly string[] = []): ValidationError {
  const list = supported.length === 0 ? '' : ` The supported versions are '${supported.join(',')}'.`;
  return armValidationError(
    ErrorCode.InvalidApiVersionParameter,
    `The api-version ${quoteInput(value)} is invalid.${list}`,
    'api-version',
  );
}

/** True when a request carried no usable `api-version` at all. */
export function isMissingApiVersion(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Parses `YYYY-MM-DD[-suffix]` with a real calendar date; anything else gives undefined. */
export function tryParseApiVersion(value: unknown): ApiVersion | undefined {
  const match = typeof value === 'string' ? API_VERSION_PATTERN.exec(value) : null;
  if (match === null) return undefined;
  const [text, year, month, day, suffix] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return undefined;
  return { text, date: `${year}-${month}-${day}`, ...(suffix === undefined ? {} : { suffix }) };
}

/**
 * Parses an api-version. A missing or empty value throws `MissingApiVersionParameter`; a value that
 * is not `YYYY-MM-DD[-suffix]` with a real date throws `InvalidApiVersionParameter`.
 */
export function parseApiVersion(value: unknown): ApiVersion {
  if (isMissingApiVersion(value)) throw missingApiVersionError();
  const version = tryParseApiVersion(value);
  if (version === undefined) throw invalidApiVersionError(value);
  return version;
}

/** True for a suffixed (preview, beta…) api-version. */
export function isPreviewApiVersion(version: ApiVersion): boolean {
  return version.suffix !== undefined;
}

/**
 * Orders api-versions by date; on the same date a suffixed (pre-release) version sorts before the
 * stable one, and suffixes compare alphabetically.
 */
export function compareApiVersions(a: ApiVersion, b: ApiVersion): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const left = a.suffix?.toLowerCase();
  const right = b.suffix?.toLowerCase();
  if (left === right) return 0;
  if (left === undefined) return 1;
  if (right === undefined) return -1;
  return left < right ? -1 : 1;
}
