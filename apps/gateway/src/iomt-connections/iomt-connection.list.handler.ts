import { Injectable } from '@nestjs/common';
import { OperationAdmission } from '../admission/operation-admission.service';
import { subResourceProvisioningState } from '../admission/sub-resource-state';
import { ok, type ArmResponse } from '../arm/arm-response';
import { IomtConnectorLookup } from '../iomt-connectors/iomt-connector.lookup';
import { IomtConnectorParams, iomtConnectorIdOfParams } from '../iomt-connectors/iomt-connector.params';
import { connectionNamesOf, iomtConnectionRepresentation, pendingConnectionOperation } from './iomt-connection.representation';

/** `GET .../iomtconnectors/{c}/connections`: every connection in one page (a connector has at most 12). */
@Injectable()
export class IomtConnectionListHandler {
  constructor(
    private readonly lookup: IomtConnectorLookup,
    private readonly admission: OperationAdmission,
  ) {}

  async handle(params: IomtConnectorParams): Promise<ArmResponse> {
    const id = iomtConnectorIdOfParams(params);
    const [{ connector }, pending] = await Promise.all([this.lookup.require(id), this.admission.pendingOperations(id.subscriptionId)]);
    const value = connectionNamesOf(connector).map((name) =>
      iomtConnectionRepresentation(connector, name, subResourceProvisioningState(pendingConnectionOperation(pending, connector.id, name))),
    );
    return ok({ value });
  }
}
