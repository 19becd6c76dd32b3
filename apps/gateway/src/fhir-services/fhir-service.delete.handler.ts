import { Injectable } from '@nestjs/common';
import { AcceptedResponses } from '../admission/accepted-response';
import { liveResource } from '../admission/resource-settled';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { assertPreconditions } from '../arm/preconditions';
import { deprovisionUnderway, FhirServiceDeprovisioner } from './fhir-service.deprovisioner';
import { FhirServiceParams, fhirServiceIdOfParams } from './fhir-service.params';

/**
 * `DELETE .../services/{name}`: 202 with the LRO headers and a Deprovision operation (the service
 * shows `Deleting` until it ends); 204 when there is nothing to delete. A DELETE repeated while the
 * first is under way answers 202 with the first one's headers. A create or update of the service or
 * its connectors still queued does not hold it up (`isSupersededByDelete`); one already running does (409).
 */
@Injectable()
export class FhirServiceDeleteHandler {
  constructor(
    private readonly snapshots: WriteSnapshots,
    private readonly deprovisioner: FhirServiceDeprovisioner,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: FhirServiceParams, arm: ArmRequest): Promise<ArmResponse> {
    const id = fhirServiceIdOfParams(params);
    const { account: stored, pending } = await this.snapshots.ofService(id, 'delete');
    const account = liveResource(stored);
    if (account === undefined) return { status: 204 };
    const underway = deprovisionUnderway(pending, account.id);
    if (underway !== undefined) return this.responses.accepted(arm, underway, 202);
    assertPreconditions(arm, account);
    const operation = await this.deprovisioner.deprovision(account, pending, arm);
    return this.responses.accepted(arm, operation, 202);
  }
}
