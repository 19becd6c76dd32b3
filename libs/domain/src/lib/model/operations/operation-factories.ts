import { DocumentType, ResourceTypeName } from '../common/identifiers';
import { FhirServiceAccount, FhirServiceKind } from '../resources/fhir-service-account';
import { IomtConnector } from '../resources/iomt-connector';
import { parseOrThrow } from '../validation/zod-validation';
import { OperationStatus, OperationType } from './operation-enums';
import type { OperationInitiator } from './operation-initiator';
import {
  FhirAccountOperationDocument,
  fhirAccountOperationSchema,
  FhirVersion,
  IomtConnectorConnectionOperationDocument,
  iomtConnectorConnectionOperationSchema,
  IomtConnectorMappingOperationDocument,
  iomtConnectorMappingOperationSchema,
  IomtConnectorOperationDocument,
  iomtConnectorOperationSchema,
} from './operation-kinds';

/** What every new operation needs besides its resource. */
export interface NewOperationContext {
  /** Operation id; a new UUID when absent (it appears in `Azure-AsyncOperation` URLs). */
  readonly id?: string;
  /** Enqueue time (the `Clock`'s now). */
  readonly now: Date;
  /** Trace ids of the ARM request. */
  readonly loggingRootId?: string;
  readonly loggingParentId?: string;
  /** Defaults to the resource's location. */
  readonly primaryRegionName?: string;
  readonly skuName?: string;
  /** Who asked for the operation; absent when the system starts it itself. */
  readonly initiator?: OperationInitiator;
}

/** The resource fields an operation copies (the seed's `CopyFrom(IResourceIdentity)`). */
interface OperationSource {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly location: string;
}

function commonFields(type: OperationType, source: OperationSource, providerNamespace: string, ctx: NewOperationContext) {
  const now = ctx.now.toISOString();
  return {
    id: ctx.id ?? crypto.randomUUID(),
    type: DocumentType.Operation,
    provisioningOperation: type,
    provisioningStatus: OperationStatus.Requested,
    primaryRegionName: ctx.primaryRegionName ?? source.location,
    timeEnqueued: now,
    timeLastUpdated: now,
    loggingParentId: ctx.loggingParentId,
    loggingRootId: ctx.loggingRootId,
    ...(ctx.initiator === undefined ? {} : { initiator: ctx.initiator }),
    attemptCount: 0,
    skuName: ctx.skuName,
    percentComplete: 0,
    subscriptionId: source.subscriptionId,
    resourceGroupName: source.resourceGroupName,
    providerNamespace,
  };
}

/** The FHIR version a service `kind` runs; plain `fhir` is the original (STU3-era) kind. */
export function fhirVersionOfKind(kind: FhirServiceKind): FhirVersion {
  return kind === 'fhir-R4' ? FhirVersion.R4 : FhirVersion.Stu3;
}

/** A Requested operation on a FHIR service, carrying the account's settings as the seed's flat fields. */
export function newFhirAccountOperation(
  account: FhirServiceAccount,
  type: OperationType,
  ctx: NewOperationContext,
): FhirAccountOperationDocument {
  const { properties } = account;
  return parseOrThrow(
    fhirAccountOperationSchema,
    {
      ...commonFields(type, account, account.providerNamespace, ctx),
      accountId: account.id,
      resourceTypeName: ResourceTypeName.FhirService,
      offerThroughput: properties.cosmosDbConfiguration.offerThroughput,
      externalSecurityAuthenticationAuthority: properties.authenticationConfiguration.authority,
      externalSecurityAuthenticationAudience: properties.authenticationConfiguration.audience,
      externalSecurityAuthenticationAllowedOids: properties.accessPolicies.map((policy) => policy.objectId),
      tags: account.tags,
      corsOrigins: properties.corsConfiguration.origins,
      corsHeaders: properties.corsConfiguration.headers,
      corsMethods: properties.corsConfiguration.methods,
      corsMaxAge: properties.corsConfiguration.maxAge,
      corsAllowCredentials: properties.corsConfiguration.allowCredentials,
      smartProxyEnabled: properties.authenticationConfiguration.smartProxyEnabled,
      fhirVersion: fhirVersionOfKind(account.kind),
      externalManagedIdentity: account.identity,
    },
    'The FHIR service operation',
  );
}

/** A Requested operation on a connector (Provision, Deprovision, Patch or RotateKeys). */
export function newIomtConnectorOperation(
  connector: IomtConnector,
  type: OperationType,
  ctx: NewOperationContext,
): IomtConnectorOperationDocument {
  return parseOrThrow(
    iomtConnectorOperationSchema,
    {
      ...commonFields(type, connector, connector.providerNameSpace, ctx),
      accountId: connector.parentId,
      resourceTypeName: ResourceTypeName.IomtConnector,
      iomtConnectorId: connector.id,
      serviceConfiguration: connector.iomtProperties.serviceConfiguration,
    },
    'The IoMT connector operation',
  );
}

/** A Requested UpdateMapping operation setting one of the connector's mappings to `mappingContent`. */
export function newMappingOperation(
  connector: IomtConnector,
  mappingType: string,
  mappingContent: string,
  ctx: NewOperationContext,
): IomtConnectorMappingOperationDocument {
  return parseOrThrow(
    iomtConnectorMappingOperationSchema,
    {
      ...commonFields(OperationType.UpdateMapping, connector, connector.providerNameSpace, ctx),
      accountId: connector.parentId,
      resourceTypeName: ResourceTypeName.IomtConnectorMapping,
      iomtConnectorId: connector.id,
      mappingType,
      mappingContent,
    },
    'The mapping operation',
  );
}

/** A Requested CreateConnection or DeleteConnection operation on the connector's connection `connectionName`. */
export function newConnectionOperation(
  connector: IomtConnector,
  type: OperationType.CreateConnection | OperationType.DeleteConnection,
  connectionName: string,
  ctx: NewOperationContext,
): IomtConnectorConnectionOperationDocument {
  return parseOrThrow(
    iomtConnectorConnectionOperationSchema,
    {
      ...commonFields(type, connector, connector.providerNameSpace, ctx),
      accountId: connector.parentId,
      resourceTypeName: ResourceTypeName.IomtConnectorConnection,
      iomtConnectorId: connector.id,
      connectionName,
    },
    'The connection operation',
  );
}
