import { Inject, Injectable } from '@nestjs/common';
import { assertResourceGroupName, assertSubscriptionId, ResourceState } from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';
import { ok, type ArmResponse } from '../arm/arm-response';
import { ArmPaging } from '../arm/paging';
import { FHIR_SERVICE_QUERIES, FhirServiceQueries } from '../ports/fhir-service-queries.port';
import { fhirServiceRepresentation } from './fhir-service.representation';

/**
 * `GET /subscriptions/{sub}[/resourceGroups/{rg}]/providers/Microsoft.HealthcareApis/services`:
 * one page of services with `nextLink` when there are more. An unknown subscription or resource
 * group is an empty list, never an error (arm-rpc.md §1.4). systemData is left out of lists: reading
 * it would cost a read per item.
 */
@Injectable()
export class FhirServiceListHandler {
  constructor(
    @Inject(FHIR_SERVICE_QUERIES) private readonly queries: FhirServiceQueries,
    private readonly paging: ArmPaging,
  ) {}

  async handle(subscriptionId: string, resourceGroupName: string | undefined, arm: ArmRequest): Promise<ArmResponse> {
    const partition = assertSubscriptionId(subscriptionId).toLowerCase();
    if (resourceGroupName !== undefined) assertResourceGroupName(resourceGroupName);
    const page = this.paging.pageOf(arm);
    const result = await this.queries.listFhirServices(partition, { resourceGroupName }, page);
    const live = { ...result, items: result.items.filter((account) => account.state !== ResourceState.Deprovisioned) };
    return ok(this.paging.listOf(arm, live, (account) => fhirServiceRepresentation(account)));
  }
}
