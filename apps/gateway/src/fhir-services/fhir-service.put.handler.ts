import { Inject, Injectable } from '@nestjs/common';
import {
  applyOperationToResource,
  CLOCK,
  Clock,
  FhirServiceAccount,
  formatResourceId,
  HealthcareResourceType,
  newFhirAccountOperation,
} from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { RegionAllowlist } from '../admission/region-allowlist.service';
import { assertResourceSettled, liveResource } from '../admission/resource-settled';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { assertPreconditions } from '../arm/preconditions';
import { FHIR_SERVICE_NAME_CLAIMS, type FhirServiceNameClaims, type FhirServiceNameOwner } from '../ports/fhir-service-name-claims.port';
import { FhirServiceParams, fhirServiceIdOfParams } from './fhir-service.params';
import { planFhirServicePut } from './fhir-service.put.plan';
import { fhirServiceRepresentation } from './fhir-service.representation';
import { parseRequestBody } from '../arm/request-body';
import { fhirServicePutBodySchema } from './fhir-service.request-body';

/**
 * `PUT .../services/{name}`: creates (201) or updates (200) a FHIR service. The account is stored
 * in its target state with a non-terminal provisioningState, next to its Requested operation, and
 * the answer carries the LRO headers (arm-rpc.md §1.4, §1.5). A creation first claims the
 * service's name across all subscriptions (names are DNS names): 400 `NameNotAvailable` when a
 * live service elsewhere holds it.
 */
@Injectable()
export class FhirServicePutHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly regions: RegionAllowlist,
    private readonly responses: AcceptedResponses,
    @Inject(FHIR_SERVICE_NAME_CLAIMS) private readonly names: FhirServiceNameClaims,
  ) {}

  async handle(params: FhirServiceParams, arm: ArmRequest): Promise<ArmResponse> {
    const id = fhirServiceIdOfParams(params);
    const resourceId = formatResourceId(id);
    const body = parseRequestBody(fhirServicePutBodySchema, arm.body);
    const [location, { account: existing, pending, nameClaimEtag }] = await Promise.all([
      this.regions.assertOffered(body.location, HealthcareResourceType.FhirService),
      this.snapshots.ofService(id, 'write'),
    ]);
    assertPreconditions(arm, liveResource(existing));
    if (existing !== undefined) assertResourceSettled(existing.state, resourceId);
    const plan = planFhirServicePut(id, body, location, existing);
    this.admission.assertAdmissible(pending, { accountId: plan.account.id }, { resourceId });
    const operation = newFhirAccountOperation(plan.account, plan.type, newOperationContext(arm, this.clock, location));
    const owner: FhirServiceNameOwner = { subscriptionId: id.subscriptionId, resourceGroupName: id.resourceGroupName, fhirServiceName: id.fhirServiceName };
    const claimed = plan.creates && (await this.names.claim(owner));
    const created = await this.admission.admit({
      resource: applyOperationToResource(plan.account, operation),
      operation,
      resourceIfMatch: existing?._etag,
      resourceId,
      ...(plan.creates ? { claimName: { ifMatch: nameClaimEtag } } : {}),
      systemData: {
        subject: { subscriptionId: id.subscriptionId, resourceId, instanceId: plan.account.id },
        incoming: arm.systemData,
        fresh: existing === undefined,
        replace: plan.creates && existing !== undefined,
      },
    }).catch(async (error: unknown) => {
      // A refused admission must not keep the name from others (a crash here leaves a claim without a live holder, which the next claimer takes over).
      if (claimed) await this.names.release(owner).catch(() => undefined);
      throw error;
    });
    const account = created.resource as FhirServiceAccount;
    return this.responses.accepted(arm, created.operation, plan.creates ? 201 : 200, fhirServiceRepresentation(account, created.systemData));
  }
}

