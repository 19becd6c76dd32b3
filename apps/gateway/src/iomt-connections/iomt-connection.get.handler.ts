import { Injectable } from '@nestjs/common';
import { HealthcareResourceType } from '@iomt/domain';
import { OperationAdmission } from '../admission/operation-admission.service';
import { subResourceProvisioningState } from '../admission/sub-resource-state';
import { resourceNotFound } from '../arm/arm-errors';
import { ok, type ArmResponse } from '../arm/arm-response';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import { IomtConnectorLookup } from '../iomt-connectors/iomt-connector.lookup';
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
    private readonly lookup: IomtConnectorLookup,
    private readonly admission: OperationAdmission,
    private readonly systemData: SystemDataRecorder,
  ) {}

  async handle(params: IomtConnectionParams): Promise<ArmResponse> {
    const ids = iomtConnectionIdsOfParams(params);
    const [{ connector }, pending] = await Promise.all([
      this.lookup.require(ids.connector),
      this.admission.pendingOperations(ids.connection.subscriptionId),
    ]);
    const name = storedConnectionName(connector, ids.connection.connectionName);
    if (name === undefined) {
      throw resourceNotFound(HealthcareResourceType.IomtConnection, ids.connection.connectionName, ids.connection.resourceGroupName);
    }
    const systemData = await this.systemData.read(connector.subscriptionId, iomtConnectionIdOf(connector, name));
    const state = subResourceProvisioningState(pendingConnectionOperation(pending, connector.id, name));
    return ok(iomtConnectionRepresentation(connector, name, state, systemData));
  }
}
