import { DomainError, type DomainErrorDetail, type DomainErrorKind, type DomainErrorOptions } from '@iomt/domain';
import type { ArmErrorObject } from './azure-errors';

/** ARM codes of this library's errors. */
export const ArmErrorCode = {
  DeploymentFailed: 'DeploymentFailed',
  AuthorizationFailed: 'AuthorizationFailed',
} as const;

/** The longest ARM message kept; ARM messages can quote whole templates. */
const MAX_MESSAGE_LENGTH = 1000;
/** The most ARM error details kept (depth-first), so a huge failure cannot bloat a document. */
const MAX_DETAILS = 20;

/**
 * Inner codes of a failed deployment after which running it again may succeed (an overloaded
 * or busy resource provider), as opposed to a template or quota problem.
 */
const RETRYABLE_DEPLOYMENT_CODES: ReadonlySet<string> = new Set([
  'TooManyRequests',
  'InternalServerError',
  'ServiceUnavailable',
  'GatewayTimeout',
  'AnotherOperationInProgress',
  'RetryableError',
  'ResourceGroupBeingDeleted',
]);

/** An ARM message cut to a bounded length. */
export function boundedMessage(message: string | undefined): string {
  const text = message ?? '';
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/** The ARM error and its nested details, depth-first, as domain error details. */
export function flattenArmError(error: ArmErrorObject | undefined): DomainErrorDetail[] {
  const details: DomainErrorDetail[] = [];
  const visit = (node: ArmErrorObject | undefined): void => {
    if (!node || details.length >= MAX_DETAILS) return;
    details.push({
      code: node.code ?? 'Unknown',
      message: boundedMessage(node.message),
      ...(node.target === undefined ? {} : { target: node.target }),
    });
    for (const child of node.details ?? []) visit(child);
  };
  visit(error);
  return details;
}

/** The innermost details of an ARM error: the failures that caused the ones around them. */
function leafCodes(error: ArmErrorObject | undefined): string[] {
  if (!error) return [];
  const children = error.details ?? [];
  if (children.length === 0) return error.code === undefined ? [] : [error.code];
  return children.flatMap(leafCodes);
}

/**
 * A template deployment that failed (ARO-RP `DeployTemplate`: `CloudError{Code: DeploymentFailed}`
 * with the raw ARM error in `details`). Retryable only when every root cause is a passing one.
 */
export class ArmDeploymentFailedError extends DomainError {
  readonly code: string = ArmErrorCode.DeploymentFailed;
  readonly kind: DomainErrorKind = 'internal';
  /** The ARM error as ARM reported it (bounded), for logs and `exceptionDetails`. */
  readonly armError: ArmErrorObject | undefined;
  private readonly passing: boolean;

  constructor(deploymentName: string, armError: ArmErrorObject | undefined, options: DomainErrorOptions = {}) {
    const reason = armError?.message ? `: ${boundedMessage(armError.message)}` : '';
    super(`The deployment '${deploymentName}' failed${reason}`, {
      target: deploymentName,
      details: flattenArmError(armError),
      ...options,
    });
    this.armError = armError;
    const leaves = leafCodes(armError);
    this.passing = leaves.length > 0 && leaves.every((code) => RETRYABLE_DEPLOYMENT_CODES.has(code));
  }

  override get retryable(): boolean {
    return this.passing;
  }
}

/**
 * The infrastructure identity is not allowed to do something (401/403, `AuthorizationFailed`).
 * Passed through as its own error, as ARO-RP does: no retry fixes a missing role assignment, and
 * operators must see the ARM code, not a generic deployment failure.
 */
export class ArmAuthorizationFailedError extends DomainError {
  readonly code: string;
  readonly kind: DomainErrorKind = 'internal';

  constructor(message: string, armCode: string | undefined, options: DomainErrorOptions = {}) {
    super(message, options);
    this.code = armCode ?? ArmErrorCode.AuthorizationFailed;
  }
}

/** Any other refusal by ARM, keeping its code (e.g. `InvalidRequestContent`, `BadRequest`). */
export class ArmRequestError extends DomainError {
  readonly code: string;
  readonly kind: DomainErrorKind = 'internal';

  constructor(
    message: string,
    armCode: string | undefined,
    readonly statusCode: number | undefined,
    options: DomainErrorOptions = {},
  ) {
    super(message, options);
    this.code = armCode ?? 'ArmRequestFailed';
  }
}
