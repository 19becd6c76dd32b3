import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  IomtConnector,
  IomtMappingName,
  MAPPING_STORE,
  MappingStore,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  ResourceTypeName,
  toMappingValidationError,
  validateMappings,
} from '@iomt/domain';
import type { PutIomtMappingCommand, PutIomtMappingResult } from '@iomt/contracts';
import { loadConnector, loadLiveOperation } from '../shared/work-context';

/**
 * Sets a connector's device or FHIR mapping: validates it again (with the other mapping, for the
 * cross checks), stores it where the connector's functions read it, then records it on the
 * connector. Storing the same bytes twice is a no-op, so a re-run is harmless.
 */
@Injectable()
export class PutMappingUseCase {
  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository,
    @Inject(MAPPING_STORE) private readonly mappings: MappingStore,
  ) {}

  async execute(command: PutIomtMappingCommand): Promise<PutIomtMappingResult> {
    const operation = await loadLiveOperation(this.operations, command, ResourceTypeName.IomtConnectorMapping, [
      OperationType.UpdateMapping,
    ]);
    const connector = await loadConnector(this.registry, command.subscriptionId, operation.iomtConnectorId);
    const { mappingType, mappingContent } = operation;
    assertValid(connector, mappingType, mappingContent);
    await this.mappings.put({ subscriptionId: connector.subscriptionId, connectorId: connector.id, mappingType }, mappingContent);
    if (connector.iomtProperties[mappingType] !== mappingContent) {
      const iomtProperties = { ...connector.iomtProperties, [mappingType]: mappingContent };
      await this.registry.upsertChildResource(
        { ...connector, iomtProperties },
        connector._etag === undefined ? {} : { ifMatch: connector._etag },
      );
    }
    return { mappingName: mappingType };
  }
}

/** The gateway validated the mapping; checking again keeps a bad document from reaching the connector. */
function assertValid(connector: IomtConnector, mappingType: IomtMappingName, content: string): void {
  const { deviceMapping, fhirMapping, serviceConfiguration } = connector.iomtProperties;
  const problems = validateMappings({
    deviceMapping: mappingType === IomtMappingName.DeviceMapping ? content : deviceMapping,
    fhirMapping: mappingType === IomtMappingName.FhirMapping ? content : fhirMapping,
    resolutionType: serviceConfiguration.resourceIdentityResolutionType,
  });
  const error = toMappingValidationError(problems, { target: 'mappingContent' });
  if (error !== undefined) throw error;
}
