import { Injectable } from '@nestjs/common';
import { formatResourceId } from '@iomt/domain';
import { ok, type ArmResponse } from '../arm/arm-response';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import { IomtConnectorLookup } from './iomt-connector.lookup';
import { IomtConnectorParams, iomtConnectorIdOfParams } from './iomt-connector.params';
import { iomtConnectorRepresentation } from './iomt-connector.representation';

/** `GET .../iomtconnectors/{name}`: 200, or 404 `ParentResourceNotFound` / `ResourceNotFound`. */
@Injectable()
export class IomtConnectorGetHandler {
  constructor(
    private readonly lookup: IomtConnectorLookup,
    private readonly systemData: SystemDataRecorder,
  ) {}

  async handle(params: IomtConnectorParams): Promise<ArmResponse> {
    const id = iomtConnectorIdOfParams(params);
    const { connector } = await this.lookup.require(id);
    const systemData = await this.systemData.read({ subscriptionId: id.subscriptionId, resourceId: formatResourceId(id), instanceId: connector.id });
    return ok(iomtConnectorRepresentation(connector, systemData));
  }
}
