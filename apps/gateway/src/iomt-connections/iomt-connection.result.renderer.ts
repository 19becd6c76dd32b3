import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNT_REGISTRY_READ_REPOSITORY, AccountRegistryReadRepository, OperationDocument, OperationType, ResourceTypeName } from '@iomt/domain';
import { liveResource } from '../admission/resource-settled';
import type { OperationResultRenderer } from '../operation-status/operation-result.renderer';
import { iomtConnectionRepresentation, storedConnectionName } from './iomt-connection.representation';

/** The result of a finished connection operation: the connection after a PUT, nothing after a DELETE. */
@Injectable()
export class IomtConnectionResultRenderer implements OperationResultRenderer {
  readonly resourceTypeName = ResourceTypeName.IomtConnectorConnection;

  constructor(@Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository) {}

  async render(operation: OperationDocument): Promise<unknown> {
    if (operation.resourceTypeName !== ResourceTypeName.IomtConnectorConnection) return undefined;
    if (operation.provisioningOperation === OperationType.DeleteConnection) return undefined;
    const connector = liveResource(await this.registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, 'iomtConnector'));
    const name = connector === undefined ? undefined : storedConnectionName(connector, operation.connectionName);
    return connector === undefined || name === undefined ? undefined : iomtConnectionRepresentation(connector, name, 'Succeeded');
  }
}
