import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';

/** A subscription id is a GUID in its 8-4-4-4-12 hex form, either letter case (arm-rpc.md §1.1). */
const SUBSCRIPTION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a well-formed subscription id. */
export function isSubscriptionId(value: unknown): value is string {
  return typeof value === 'string' && SUBSCRIPTION_ID_PATTERN.test(value);
}

/**
 * Returns `value` unchanged when it is a subscription id; otherwise throws a `ValidationError`
 * with ARM's code `InvalidSubscriptionId`.
 */
export function assertSubscriptionId(value: unknown): string {
  if (!isSubscriptionId(value)) {
    throw armValidationError(
      ErrorCode.InvalidSubscriptionId,
      `The provided subscription identifier ${quoteInput(value)} is malformed or invalid.`,
      'subscriptionId',
    );
  }
  return value;
}
