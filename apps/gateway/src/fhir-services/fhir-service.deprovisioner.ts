import { Inject, Injectable } from '@nestjs/common';
import {
  applyOperationToResource,
  CLOCK,
  Clock,
  FhirServiceAccount,
  newFhirAccountOperation,
  OperationDocument,
  OperationType,
  ResourceTypeName,
} from '@iomt/domain';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { hasQueuedWriteSupersededByDelete } from '../admission/delete-supersession';
import { assertResourceSettled } from '../admission/resource-settled';
import type { ArmRequest } from '../arm/arm-request';
import { fhirServiceIdOf } from './fhir-service.representation';

/** The Deprovision operation of `accountId` among `pending`, if one is under way. */
export function deprovisionUnderway(pending: readonly OperationDocument[], accountId: string): OperationDocument | undefined {
  return pending.find(
    (operation) =>
      operation.resourceTypeName === ResourceTypeName.FhirService &&
      operation.accountId === accountId &&
      operation.provisioningOperation === OperationType.Deprovision,
  );
}

/**
 * Starts deprovisioning a FHIR service through the normal operation path: the account goes to
 * `Deleting` with a Requested Deprovision operation (its connectors go with it: the worker's
 * cascade). Used by DELETE and by a deleted subscription's cascade.
 */
@Injectable()
export class FhirServiceDeprovisioner {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly admission: OperationAdmission,
  ) {}

  /**
   * Supersedes a queued create or update of the service or its connectors (`isSupersededByDelete`).
   * @throws ConflictError when the account or anything under it is busy otherwise; ThrottledError when the queue is full.
   */
  async deprovision(
    account: FhirServiceAccount,
    pending: readonly OperationDocument[],
    arm: ArmRequest,
    options: { readonly ignoreQueueLimit?: boolean } = {},
  ): Promise<OperationDocument> {
    const resourceId = fhirServiceIdOf(account);
    const target = { accountId: account.id };
    if (!hasQueuedWriteSupersededByDelete(pending, target)) assertResourceSettled(account.state, resourceId);
    this.admission.assertAdmissible(pending, target, { resourceId, ignoreQueueLimit: options.ignoreQueueLimit, deletes: true });
    const operation = newFhirAccountOperation(account, OperationType.Deprovision, newOperationContext(arm, this.clock, account.location));
    const created = await this.admission.admit({
      resource: applyOperationToResource(account, operation),
      operation,
      resourceIfMatch: account._etag,
      resourceId,
    });
    return created.operation;
  }
}
