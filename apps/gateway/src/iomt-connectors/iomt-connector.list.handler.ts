import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  AccountRegistryReadRepository,
  fhirServiceResourceId,
  ResourceState,
} from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';
import { ok, type ArmResponse } from '../arm/arm-response';
import { ArmPaging } from '../arm/paging';
import type { FhirServiceParams } from '../fhir-services/fhir-service.params';
import { IomtConnectorLookup } from './iomt-connector.lookup';
import { iomtConnectorRepresentation } from './iomt-connector.representation';

/** `GET .../services/{fhir}/iomtconnectors`: one page of connectors, `nextLink` when there are more. */
@Injectable()
export class IomtConnectorListHandler {
  constructor(
    @Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository,
    private readonly lookup: IomtConnectorLookup,
    private readonly paging: ArmPaging,
  ) {}

  async handle(params: FhirServiceParams, arm: ArmRequest): Promise<ArmResponse> {
    const id = fhirServiceResourceId({ ...params, subscriptionId: params.subscriptionId.toLowerCase() });
    const page = this.paging.pageOf(arm);
    const parent = await this.lookup.parent(id);
    const result = await this.registry.getChildResourcesByParentId(id.subscriptionId, parent.id, 'iomtConnector', page);
    const live = { ...result, items: result.items.filter((connector) => connector.state !== ResourceState.Deprovisioned) };
    return ok(this.paging.listOf(arm, live, (connector) => iomtConnectorRepresentation(connector)));
  }
}
