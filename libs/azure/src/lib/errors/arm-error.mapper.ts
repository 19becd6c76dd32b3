import { ConflictError, isDomainError, ResourceNotFoundError, ThrottledError, TransientError } from '@iomt/domain';
import { isRestError } from '@azure/core-rest-pipeline';
import {
  ArmAuthorizationFailedError,
  ArmDeploymentFailedError,
  ArmRequestError,
  boundedMessage,
  flattenArmError,
} from './arm-errors';
import {
  armErrorOf,
  isAuthorizationFailed,
  isConflict,
  isNotFound,
  isThrottled,
  isTransient,
  retryAfterMsOf,
} from './azure-errors';

/** ARM codes of a 409 that goes away by itself: the group is still being deleted. */
const PASSING_CONFLICT_CODES: ReadonlySet<string> = new Set([
  'ResourceGroupBeingDeleted',
  'AnotherOperationInProgress',
]);

/** The mapping shared by every call: throttling, passing failures and authorization. */
function mapCommon(error: unknown, action: string): Error | undefined {
  const armError = armErrorOf(error);
  const reason = boundedMessage(armError?.message ?? (error as Error).message);
  const options = { cause: error, details: flattenArmError(armError) };
  if (isThrottled(error))
    return new ThrottledError(`Could not ${action}: ARM is throttling requests`, retryAfterMsOf(error), options);
  if (isTransient(error)) return new TransientError(`Could not ${action}: ARM is unavailable (${reason})`, options);
  if (isAuthorizationFailed(error)) {
    return new ArmAuthorizationFailedError(`Could not ${action}: ${reason}`, armError?.code, options);
  }
  if (isRestError(error) && error.statusCode === 409 && armError?.code && PASSING_CONFLICT_CODES.has(armError.code)) {
    return new TransientError(`Could not ${action}: ${reason}`, options);
  }
  return undefined;
}

/**
 * Turns what an ARM client threw into a domain error: 429 → ThrottledError (with the server's
 * retry-after), 5xx/408/network → TransientError, 401/403/authorization codes →
 * ArmAuthorizationFailedError, 404 → ResourceNotFoundError, 409 → ConflictError, any other answer
 * → ArmRequestError with the ARM code. Domain errors and non-ARM errors pass through.
 * `action` names what was attempted; it never holds keys or request bodies.
 */
export function mapArmError(error: unknown, action: string): unknown {
  if (isDomainError(error) || !isRestError(error)) return error;
  const common = mapCommon(error, action);
  if (common) return common;
  const armError = armErrorOf(error);
  const options = { cause: error, details: flattenArmError(armError) };
  const reason = boundedMessage(armError?.message ?? error.message);
  if (isNotFound(error)) return new ResourceNotFoundError(`Could not ${action}: not found (${reason})`, options);
  if (isConflict(error)) return new ConflictError(`Could not ${action}: ${reason}`, options);
  return new ArmRequestError(`Could not ${action}: ${reason}`, armError?.code, error.statusCode, options);
}

/**
 * The mapping of a deployment (ARO-RP `DeployTemplate`): throttling, passing failures and
 * authorization failures as {@link mapArmError} does; any other ARM answer becomes
 * {@link ArmDeploymentFailedError} with the raw ARM error in its details.
 */
export function mapDeploymentError(error: unknown, deploymentName: string): unknown {
  if (isDomainError(error) || !isRestError(error)) return error;
  return (
    mapCommon(error, `deploy '${deploymentName}'`) ??
    new ArmDeploymentFailedError(deploymentName, armErrorOf(error), { cause: error })
  );
}

/**
 * Runs an ARM call and maps its failure with `map`. A cancelled call (its `signal` aborted before
 * or during the call) rejects with the signal's reason, as the ports promise.
 */
export async function withArmErrors<T>(
  call: () => Promise<T>,
  map: (error: unknown) => unknown,
  signal?: AbortSignal,
): Promise<T> {
  signal?.throwIfAborted();
  try {
    return await call();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw map(error);
  }
}
