import { ConflictError, DomainErrorOptions, ResourceNotFoundError, qualifiedResourceType, HealthcareResourceType } from '@iomt/domain';
import { ArmErrorCode } from './arm-error-codes';

/** A 409 with an ARM code other than `Conflict` (e.g. `InvalidSubscriptionState`). */
export class CodedConflictError extends ConflictError {
  override readonly code: string;

  constructor(code: string, message: string, options: DomainErrorOptions = {}) {
    super(message, options);
    this.code = code;
  }
}

/** A 404 with an ARM code other than `ResourceNotFound` (e.g. `ParentResourceNotFound`). */
export class CodedNotFoundError extends ResourceNotFoundError {
  override readonly code: string;

  constructor(code: string, message: string, options: DomainErrorOptions = {}) {
    super(message, options);
    this.code = code;
  }
}

/** ARM's 404 for a missing resource: "The Resource '{type}/{name}' under resource group '{rg}' was not found." */
export function resourceNotFound(type: HealthcareResourceType, name: string, resourceGroupName: string): ResourceNotFoundError {
  return new ResourceNotFoundError(
    `The Resource '${qualifiedResourceType(type)}/${name}' under resource group '${resourceGroupName}' was not found.`,
  );
}

/** ARM's 404 for a nested resource whose parent does not exist. */
export function parentNotFound(parentType: HealthcareResourceType, parentName: string): CodedNotFoundError {
  return new CodedNotFoundError(
    ArmErrorCode.ParentResourceNotFound,
    `Can not perform requested operation on nested resource. Parent resource '${qualifiedResourceType(parentType)}/${parentName}' not found.`,
  );
}
