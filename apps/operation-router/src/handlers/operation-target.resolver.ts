import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  DocumentType,
  readAccountById,
  fhirServiceResourceId,
  formatResourceId,
  iomtConnectionResourceId,
  iomtConnectorResourceId,
  iomtMappingResourceId,
  parseChildResourceName,
  ResourceNotFoundError,
  type AccountRegistryReadRepository,
  type FhirServiceAccount,
  type IomtConnector,
  type OperationDocument,
  type RegistryEntity,
} from '@iomt/domain';

/** The ARM names of the connector an operation works on. */
interface ConnectorRef {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly fhirServiceName: string;
  readonly iomtConnectorName: string;
}

/**
 * Finds the ARM resource id a worker command names. Operations hold document ids
 * (`accountId`, `iomtConnectorId`); commands carry ARM ids (`@iomt/contracts`), so the names come
 * from the account registry, or from the resource the caller read already (`known`, used when it
 * is the one named). A resource that no longer exists is a permanent failure.
 */
@Injectable()
export class OperationTargetResolver {
  constructor(@Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository) {}

  /** `/subscriptions/…/services/{fhir}` of the operation's FHIR service. */
  async fhirServiceId(operation: OperationDocument, known?: RegistryEntity): Promise<string> {
    const account = await this.account(operation, known);
    return formatResourceId(
      fhirServiceResourceId({
        subscriptionId: account.subscriptionId,
        resourceGroupName: account.resourceGroupName,
        fhirServiceName: account.name,
      }),
    );
  }

  /** `…/iomtconnectors/{c}` of the operation's connector. */
  async connectorId(operation: OperationDocument & { iomtConnectorId: string }, known?: RegistryEntity): Promise<string> {
    return formatResourceId(iomtConnectorResourceId(await this.connector(operation, known)));
  }

  /** `…/iomtconnectors/{c}/connections/{name}`. */
  async connectionId(
    operation: OperationDocument & { iomtConnectorId: string; connectionName: string },
    known?: RegistryEntity,
  ): Promise<string> {
    const ref = await this.connector(operation, known);
    return formatResourceId(iomtConnectionResourceId({ ...ref, connectionName: operation.connectionName }));
  }

  /** `…/iomtconnectors/{c}/mappings/{deviceMapping|fhirMapping}`. */
  async mappingId(operation: OperationDocument & { iomtConnectorId: string; mappingType: string }, known?: RegistryEntity): Promise<string> {
    const ref = await this.connector(operation, known);
    return formatResourceId(iomtMappingResourceId({ ...ref, mappingName: operation.mappingType }));
  }

  private async account(operation: OperationDocument, known: RegistryEntity | undefined): Promise<FhirServiceAccount> {
    const { accountId, subscriptionId } = operation;
    const found =
      known?.type === DocumentType.Account && known.id === accountId
        ? known
        : accountId === undefined
          ? undefined
          : await readAccountById(this.registry, subscriptionId, accountId);
    if (found === undefined) {
      throw new ResourceNotFoundError(`The FHIR service ${accountId ?? '(none)'} of operation ${operation.id} does not exist.`, {
        target: 'accountId',
      });
    }
    return found;
  }

  private async connector(operation: OperationDocument & { iomtConnectorId: string }, known: RegistryEntity | undefined): Promise<ConnectorRef> {
    const connector: IomtConnector | undefined =
      known?.type === DocumentType.IomtConnector && known.id === operation.iomtConnectorId
        ? known
        : await this.registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, DocumentType.IomtConnector);
    if (connector === undefined) {
      throw new ResourceNotFoundError(
        `The IoMT connector ${operation.iomtConnectorId} of operation ${operation.id} does not exist.`,
        { target: 'iomtConnectorId' },
      );
    }
    const [fhirServiceName, iomtConnectorName] = parseChildResourceName(connector.name, 2);
    return {
      subscriptionId: connector.subscriptionId,
      resourceGroupName: connector.resourceGroupName,
      fhirServiceName: fhirServiceName ?? '',
      iomtConnectorName: iomtConnectorName ?? '',
    };
  }
}
