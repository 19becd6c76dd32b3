import { ErrorCode, OperationDocument, OperationStatus } from '@iomt/domain';
import { ArmErrorCode } from '../arm/arm-error-codes';
import type { ArmErrorBody } from '../arm/arm-error-body';

/** `Code: message` as `describeError` writes `exceptionDetails`. */
const CODED_DETAILS = /^([A-Z][A-Za-z0-9]*): ([\s\S]+)$/;

/**
 * The ARM error of a Failed or Canceled operation, read from its `exceptionDetails` (`code: message`
 * for domain and Azure errors); ARM requires one on those statuses (arm-rpc.md §1.5).
 */
export function operationError(operation: OperationDocument): ArmErrorBody | undefined {
  const canceled = operation.provisioningStatus === OperationStatus.Canceled;
  if (!canceled && operation.provisioningStatus !== OperationStatus.Failed) return undefined;
  const details = operation.exceptionDetails?.trim();
  const match = details === undefined ? null : CODED_DETAILS.exec(details);
  if (match !== null) return { code: match[1], message: match[2] };
  const code = canceled ? ArmErrorCode.OperationCanceled : ArmErrorCode.ProvisioningFailed;
  const fallback = canceled ? 'The operation was canceled.' : 'The operation failed.';
  return { code, message: details === undefined || details === '' ? fallback : details };
}

/** Status codes of failures a synchronous request would have answered with, by error code. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.InvalidRequestContent]: 400,
  [ErrorCode.InvalidParameter]: 400,
  [ErrorCode.ResourceNotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ArmErrorCode.OperationCanceled]: 409,
  [ErrorCode.TooManyRequests]: 429,
};

/**
 * What the `Location` URL answers for a failed operation: the status a synchronous request would
 * have failed with (arm-rpc.md §1.5, "return exactly what the synchronous call would have
 * returned"), 500 when the failure was ours or Azure's rather than the request's.
 */
export function failureStatus(error: ArmErrorBody): number {
  return STATUS_BY_CODE[error.code] ?? 500;
}

