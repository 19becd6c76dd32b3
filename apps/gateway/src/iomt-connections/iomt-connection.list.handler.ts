import { Injectable } from '@nestjs/common';
import { subResourceProvisioningState } from '../admission/sub-resource-state';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { ok, type ArmResponse } from '../arm/arm-response';
import { requireConnector } from '../iomt-connectors/iomt-connector.lookup';
import { IomtConnectorParams, iomtConnectorIdOfParams } from '../iomt-connectors/iomt-connector.params';
import { connectionNamesOf, iomtConnectionRepresentation, pendingConnectionOperation } from './iomt-connection.representation';

/** `GET .../iomtconnectors/{c}/connections`: every connection in one page (a connector has at most 12). */
@Injectable()
export class IomtConnectionListHandler {
  constructor(
    private readonly snapshots: WriteSnapshots,
  ) {}

  async handle(params: IomtConnectorParams): Promise<ArmResponse> {
    const id = iomtConnectorIdOfParams(params);
    const snapshot = await this.snapshots.ofConnector(id);
    const { connector } = requireConnector(snapshot, id);
    const { pending } = snapshot;
    const value = connectionNamesOf(connector).map((name) =>
      iomtConnectionRepresentation(connector, name, subResourceProvisioningState(pendingConnectionOperation(pending, connector.id, name))),
    );
    return ok({ value });
  }
}
