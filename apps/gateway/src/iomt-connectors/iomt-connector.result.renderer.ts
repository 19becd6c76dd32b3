import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  AccountRegistryReadRepository,
  OperationDocument,
  OperationType,
  ResourceTypeName,
} from '@iomt/domain';
import { liveResource } from '../admission/resource-settled';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import type { OperationResultRenderer } from '../operation-status/operation-result.renderer';
import { iomtConnectorIdOf, iomtConnectorRepresentation } from './iomt-connector.representation';

/** The result of a finished connector operation: the connector after a PUT, nothing after a DELETE or a key rotation. */
@Injectable()
export class IomtConnectorResultRenderer implements OperationResultRenderer {
  readonly resourceTypeName = ResourceTypeName.IomtConnector;

  constructor(
    @Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository,
    private readonly systemData: SystemDataRecorder,
  ) {}

  async render(operation: OperationDocument): Promise<unknown> {
    if (operation.resourceTypeName !== ResourceTypeName.IomtConnector) return undefined;
    if (operation.provisioningOperation === OperationType.Deprovision || operation.provisioningOperation === OperationType.RotateKeys) {
      return undefined;
    }
    const connector = liveResource(await this.registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, 'iomtConnector'));
    if (connector === undefined) return undefined;
    return iomtConnectorRepresentation(connector, await this.systemData.read({ subscriptionId: connector.subscriptionId, resourceId: iomtConnectorIdOf(connector), instanceId: connector.id }));
  }
}
