import { Inject, Injectable } from '@nestjs/common';
import {
  applyOperationToResource,
  CLOCK,
  Clock,
  FhirServiceAccount,
  fhirServiceAccountCodec,
  formatResourceId,
  HealthcareResourceType,
  newFhirAccountOperation,
  OperationType,
} from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { assertResourceSettled, liveResource } from '../admission/resource-settled';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { resourceNotFound } from '../arm/arm-errors';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { assertPreconditions } from '../arm/preconditions';
import { FhirServiceParams, fhirServiceIdOfParams } from './fhir-service.params';
import { fhirServiceRepresentation } from './fhir-service.representation';
import { parseRequestBody } from '../arm/request-body';
import { FhirServicePatchBody, fhirServicePatchBodySchema } from './fhir-service.request-body';

function patched(account: FhirServiceAccount, body: FhirServicePatchBody): FhirServiceAccount {
  const publicNetworkAccess = body.properties?.publicNetworkAccess;
  return fhirServiceAccountCodec.parse({
    ...account,
    // arm-rpc.md §1.4: a tags PATCH replaces the whole tag set.
    tags: body.tags ?? account.tags,
    identity: body.identity === undefined ? account.identity : { type: body.identity.type },
    properties: { ...account.properties, ...(publicNetworkAccess === undefined ? {} : { publicNetworkAccess }) },
  });
}

/**
 * `PATCH .../services/{name}` (tags, identity, public network access): 202 with the LRO headers
 * and the service `Updating` under a Patch operation; 404 when the service does not exist.
 */
@Injectable()
export class FhirServicePatchHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: FhirServiceParams, arm: ArmRequest): Promise<ArmResponse> {
    const id = fhirServiceIdOfParams(params);
    const resourceId = formatResourceId(id);
    const body = parseRequestBody(fhirServicePatchBodySchema, arm.body);
    const { account: stored, pending } = await this.snapshots.ofService(id, 'write');
    const existing = liveResource(stored);
    if (existing === undefined) throw resourceNotFound(HealthcareResourceType.FhirService, id.fhirServiceName, id.resourceGroupName);
    assertPreconditions(arm, existing);
    assertResourceSettled(existing.state, resourceId);
    this.admission.assertAdmissible(pending, { accountId: existing.id }, { resourceId });
    const account = patched(existing, body);
    const operation = newFhirAccountOperation(account, OperationType.Patch, newOperationContext(arm, this.clock, account.location));
    const created = await this.admission.admit({
      resource: applyOperationToResource(account, operation),
      operation,
      resourceIfMatch: existing._etag,
      resourceId,
      systemData: { subject: { subscriptionId: id.subscriptionId, resourceId, instanceId: existing.id }, incoming: arm.systemData },
    });
    const representation = fhirServiceRepresentation(created.resource as FhirServiceAccount, created.systemData);
    return this.responses.accepted(arm, created.operation, 202, representation);
  }
}
