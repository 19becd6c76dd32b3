import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  AccountRegistryReadRepository,
  childResourceName,
  DocumentType,
  FhirServiceAccount,
  HealthcareResourceType,
  IomtConnector,
  IomtConnectorResourceId,
  ResourceState,
} from '@iomt/domain';
import { liveResource } from '../admission/resource-settled';
import { ArmErrorCode } from '../arm/arm-error-codes';
import { CodedConflictError, parentNotFound, resourceNotFound } from '../arm/arm-errors';

/** A connector route's FHIR service and connector, as stored (either may be absent). */
export interface ConnectorRead {
  readonly parent?: FhirServiceAccount;
  readonly connector?: IomtConnector;
}

/** A connector route's FHIR service and connector, both present. */
export interface FoundConnector {
  readonly parent: FhirServiceAccount;
  readonly connector: IomtConnector;
}

/** Reads what connector routes work on: the parent FHIR service and the connector under it. */
@Injectable()
export class IomtConnectorLookup {
  constructor(@Inject(ACCOUNT_REGISTRY_READ_REPOSITORY) private readonly registry: AccountRegistryReadRepository) {}

  /** Both documents, read in parallel; a connector counts only under this very parent. */
  async read(id: IomtConnectorResourceId): Promise<ConnectorRead> {
    const { subscriptionId, resourceGroupName, fhirServiceName, iomtConnectorName } = id;
    const [parent, connector] = await Promise.all([
      this.registry.getAccountByName(subscriptionId, resourceGroupName, fhirServiceName),
      this.registry.getChildResourceByParentNameAndName(
        subscriptionId,
        fhirServiceName,
        DocumentType.Account,
        childResourceName(fhirServiceName, iomtConnectorName),
        'iomtConnector',
      ),
    ]);
    const liveParent = liveResource(parent);
    const child = liveParent !== undefined && connector?.parentId === liveParent.id ? liveResource(connector) : undefined;
    return { parent: liveParent, connector: child };
  }

  /** The parent FHIR service: 404 `ParentResourceNotFound` when it does not exist. */
  async parent(id: Pick<IomtConnectorResourceId, 'subscriptionId' | 'resourceGroupName' | 'fhirServiceName'>): Promise<FhirServiceAccount> {
    const parent = liveResource(await this.registry.getAccountByName(id.subscriptionId, id.resourceGroupName, id.fhirServiceName));
    if (parent === undefined) throw parentNotFound(HealthcareResourceType.FhirService, id.fhirServiceName);
    return parent;
  }

  /** The connector: 404 `ParentResourceNotFound` or `ResourceNotFound`. */
  async require(id: IomtConnectorResourceId): Promise<FoundConnector> {
    return requireConnector(await this.read(id), id);
  }
}

/** The connector of a snapshot: 404 `ParentResourceNotFound` or `ResourceNotFound` when missing. */
export function requireConnector(read: ConnectorRead, id: IomtConnectorResourceId): FoundConnector {
  if (read.parent === undefined) throw parentNotFound(HealthcareResourceType.FhirService, id.fhirServiceName);
  if (read.connector === undefined) throw resourceNotFound(HealthcareResourceType.IomtConnector, id.iomtConnectorName, id.resourceGroupName);
  return { parent: read.parent, connector: read.connector };
}

/** 409 unless the resource is provisioned: children and actions need a parent that has finished provisioning. */
export function assertProvisioned(state: ResourceState, what: string, code: string = ArmErrorCode.ParentResourceNotProvisioned): void {
  if (state === ResourceState.Provisioned) return;
  throw new CodedConflictError(code, `${what} is not provisioned yet (or its last operation failed); retry when it is.`);
}
