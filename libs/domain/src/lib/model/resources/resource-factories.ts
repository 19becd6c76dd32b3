import { newDocumentId } from '../common/account-registry-document';
import { childResourceName } from '../common/child-resource';
import { DocumentType, PROVIDER_NAMESPACE, ResourceTypeName } from '../common/identifiers';
import { FhirServiceAccount, fhirServiceAccountCodec } from './fhir-service-account';
import { IomtConnector, iomtConnectorCodec } from './iomt-connector';
import { ResourceState } from './resource-state';

/** What a new FHIR service account is made from: the ARM request's identity and body. */
export interface NewFhirServiceAccount {
  /** Document id; a new random one when absent. */
  readonly id?: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly kind: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly identity?: { readonly type: string };
  /** The `properties` of the public API body; omitted parts take the API's defaults. */
  readonly properties?: unknown;
}

/**
 * A new FHIR service account in state `Accepted`, validated.
 * @throws ValidationError listing every problem of the input.
 */
export function createFhirServiceAccount(input: NewFhirServiceAccount): FhirServiceAccount {
  return fhirServiceAccountCodec.parse({
    id: input.id ?? newDocumentId(),
    type: DocumentType.Account,
    name: input.name,
    subscriptionId: input.subscriptionId,
    resourceGroupName: input.resourceGroupName,
    providerNamespace: PROVIDER_NAMESPACE,
    resourceTypeName: ResourceTypeName.FhirService,
    location: input.location,
    kind: input.kind,
    tags: input.tags,
    identity: input.identity,
    properties: input.properties,
    state: ResourceState.Accepted,
  });
}

/** The parent of a connector, as the seed's `IomtConnector(Account account)` constructor reads it. */
export interface ConnectorParent {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
}

/** What a new connector is made from: its own name and the ARM request body. */
export interface NewIomtConnector {
  /** Document id; a new random one when absent. */
  readonly id?: string;
  /** The connector's own name (the last segment of its ARM name). */
  readonly connectorName: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** `properties.serviceConfiguration`; the seed's default (`Lookup`) when absent. */
  readonly serviceConfiguration?: { readonly resourceIdentityResolutionType?: unknown };
  readonly deviceMapping?: string;
  readonly fhirMapping?: string;
  readonly connectorVersion?: string;
}

/**
 * A new connector under `parent` in state `Accepted`, with the seed's defaults for its
 * Event Hubs, Stream Analytics, storage, Function App and Key Vault definitions.
 * @throws ValidationError listing every problem of the input.
 */
export function createIomtConnector(parent: ConnectorParent, input: NewIomtConnector): IomtConnector {
  return iomtConnectorCodec.parse({
    id: input.id ?? newDocumentId(),
    type: DocumentType.IomtConnector,
    parentId: parent.id,
    parentName: parent.name,
    parentType: parent.type,
    subscriptionId: parent.subscriptionId,
    name: childResourceName(parent.name, input.connectorName),
    location: input.location,
    tags: input.tags,
    iomtProperties: {
      serviceConfiguration: input.serviceConfiguration ?? {},
      deviceMapping: input.deviceMapping,
      fhirMapping: input.fhirMapping,
    },
    connectorVersion: input.connectorVersion,
    resourceGroupName: parent.resourceGroupName,
    providerNameSpace: PROVIDER_NAMESPACE,
    resourceTypeName: ResourceTypeName.IomtConnector,
    state: ResourceState.Accepted,
  });
}
