import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNT_REGISTRY_READ_REPOSITORY, AccountRegistryReadRepository, formatResourceId, HealthcareResourceType } from '@iomt/domain';
import { liveResource } from '../admission/resource-settled';
import { resourceNotFound } from '../arm/arm-errors';
import { ok, type ArmResponse } from '../arm/arm-response';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import { FhirServiceParams, fhirServiceIdOfParams } from './fhir-service.params';
import { fhirServiceRepresentation } from './fhir-service.representation';

/** `GET .../services/{name}`: 200 with the service, or 404 `ResourceNotFound`. */
@Injectable()
export class FhirServiceGetHandler {
  constructor(
    @Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository,
    private readonly systemData: SystemDataRecorder,
  ) {}

  async handle(params: FhirServiceParams): Promise<ArmResponse> {
    const id = fhirServiceIdOfParams(params);
    const found = liveResource(await this.registry.getAccountByName(id.subscriptionId, id.resourceGroupName, id.fhirServiceName));
    if (found === undefined) throw resourceNotFound(HealthcareResourceType.FhirService, id.fhirServiceName, id.resourceGroupName);
    const systemData = await this.systemData.read({ subscriptionId: id.subscriptionId, resourceId: formatResourceId(id), instanceId: found.id });
    return ok(fhirServiceRepresentation(found, systemData));
  }
}
