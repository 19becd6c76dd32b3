import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  AccountRegistryReadRepository,
  DocumentType,
  OperationDocument,
  OperationType,
  ResourceTypeName,
} from '@iomt/domain';
import { liveResource } from '../admission/resource-settled';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import type { OperationResultRenderer } from '../operation-status/operation-result.renderer';
import { fhirServiceIdOf, fhirServiceRepresentation } from './fhir-service.representation';

/** The result of a finished FHIR service operation: the service after a PUT or PATCH, nothing after a DELETE. */
@Injectable()
export class FhirServiceResultRenderer implements OperationResultRenderer {
  readonly resourceTypeName = ResourceTypeName.FhirService;

  constructor(
    @Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository,
    private readonly systemData: SystemDataRecorder,
  ) {}

  async render(operation: OperationDocument): Promise<unknown> {
    if (operation.provisioningOperation === OperationType.Deprovision || operation.accountId === undefined) return undefined;
    // The registry reads an account by id only as the parent of a child; the operation stands in for the child.
    const entity = await this.registry.getParentByChild({
      parentId: operation.accountId,
      parentName: '',
      parentType: DocumentType.Account,
      type: DocumentType.IomtConnector,
      name: '',
      subscriptionId: operation.subscriptionId,
    });
    const account = entity?.type === DocumentType.Account ? liveResource(entity) : undefined;
    if (account === undefined) return undefined;
    return fhirServiceRepresentation(account, await this.systemData.read({ subscriptionId: account.subscriptionId, resourceId: fhirServiceIdOf(account), instanceId: account.id }));
  }
}
