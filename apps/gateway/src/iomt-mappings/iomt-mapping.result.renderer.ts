import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNT_REGISTRY_READ_REPOSITORY, AccountRegistryReadRepository, OperationDocument, ResourceTypeName } from '@iomt/domain';
import { liveResource } from '../admission/resource-settled';
import type { OperationResultRenderer } from '../operation-status/operation-result.renderer';
import { iomtMappingRepresentation } from './iomt-mapping.representation';

/** The result of a finished mapping operation: the mapping as the connector now holds it. */
@Injectable()
export class IomtMappingResultRenderer implements OperationResultRenderer {
  readonly resourceTypeName = ResourceTypeName.IomtConnectorMapping;

  constructor(@Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository) {}

  async render(operation: OperationDocument): Promise<unknown> {
    if (operation.resourceTypeName !== ResourceTypeName.IomtConnectorMapping) return undefined;
    const connector = liveResource(await this.registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, 'iomtConnector'));
    const text = connector?.iomtProperties[operation.mappingType];
    if (connector === undefined || text === undefined) return undefined;
    return iomtMappingRepresentation(connector, operation.mappingType, text, 'Succeeded');
  }
}
