import { Injectable } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { subResourceProvisioningState } from '../admission/sub-resource-state';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { resourceNotFound } from '../arm/arm-errors';
import { ok, type ArmResponse } from '../arm/arm-response';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import { requireConnector } from '../iomt-connectors/iomt-connector.lookup';
import { IomtConnectionParams, iomtConnectionIdsOfParams } from './iomt-connection.params';
import {
  iomtConnectionIdOf,
  iomtConnectionRepresentation,
  pendingConnectionOperation,
  storedConnectionName,
} from './iomt-connection.representation';

/** `GET .../iomtconnectors/{c}/connections/{name}`: 200, or 404. */
@Injectable()
export class IomtConnectionGetHandler {
  constructor(
    private readonly snapshots: WriteSnapshots,
    private readonly systemData: SystemDataRecorder,
  ) {}

  async handle(params: IomtConnectionParams): Promise<ArmResponse> {
    const ids = iomtConnectionIdsOfParams(params);
    const snapshot = await this.snapshots.ofConnector(ids.connector);
    const { connector } = requireConnector(snapshot, ids.connector);
    const { pending } = snapshot;
    const name = storedConnectionName(connector, ids.connection.connectionName);
    if (name === undefined) {
      throw resourceNotFound(HealthcareResourceType.IomtConnection, ids.connection.connectionName, ids.connection.resourceGroupName);
    }
    const systemData = await this.systemData.read({ subscriptionId: connector.subscriptionId, resourceId: iomtConnectionIdOf(connector, name), instanceId: connector.id });
    const state = subResourceProvisioningState(pendingConnectionOperation(pending, connector.id, name));
    return ok(iomtConnectionRepresentation(connector, name, state, systemData));
  }
}
