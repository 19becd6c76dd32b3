import { Injectable } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { subResourceProvisioningState } from '../admission/sub-resource-state';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { resourceNotFound } from '../arm/arm-errors';
import { ok, type ArmResponse } from '../arm/arm-response';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import { requireConnector } from '../iomt-connectors/iomt-connector.lookup';
import { IomtMappingParams, iomtMappingIdsOfParams } from './iomt-mapping.params';
import { iomtMappingIdOf, iomtMappingRepresentation } from './iomt-mapping.representation';
import { pendingMappingOperation } from './pending-mapping';

/** `GET .../iomtconnectors/{c}/mappings/{name}`: 200 with the template, 404 when the connector has none. */
@Injectable()
export class IomtMappingGetHandler {
  constructor(
    private readonly snapshots: WriteSnapshots,
    private readonly systemData: SystemDataRecorder,
  ) {}

  async handle(params: IomtMappingParams): Promise<ArmResponse> {
    const ids = iomtMappingIdsOfParams(params);
    const name = ids.mapping.mappingName;
    const snapshot = await this.snapshots.ofConnector(ids.connector);
    const { connector } = requireConnector(snapshot, ids.connector);
    const { pending } = snapshot;
    const text = connector.iomtProperties[name];
    if (text === undefined) throw resourceNotFound(HealthcareResourceType.IomtMapping, name, ids.mapping.resourceGroupName);
    const systemData = await this.systemData.read({ subscriptionId: connector.subscriptionId, resourceId: iomtMappingIdOf(connector, name), instanceId: connector.id });
    const state = subResourceProvisioningState(pendingMappingOperation(pending, connector.id, name));
    return ok(iomtMappingRepresentation(connector, name, text, state, systemData));
  }
}
