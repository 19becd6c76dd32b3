import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';
import { HEALTHCARE_APIS_NAMESPACE, HealthcareResourceType } from './healthcare-resource-types';
import { assertLocation } from './location';
import { IomtMappingName, parseIomtMappingName } from './mapping-name';
import { ArmResourceId, resourceTypeName } from './resource-id';
import { parseResourceId } from './resource-id.parser';
import {
  assertName,
  FHIR_SERVICE_NAME,
  IOMT_CONNECTION_NAME,
  IOMT_CONNECTOR_NAME,
  OPERATION_ID,
} from './resource-name.rules';

/** An id inside a resource group of `Microsoft.HealthcareApis` (names in the caller's casing). */
interface ResourceGroupScoped extends ArmResourceId {
  readonly resourceGroupName: string;
  readonly providerNamespace: string;
}

/** `.../providers/Microsoft.HealthcareApis/services/{fhirServiceName}` */
export interface FhirServiceResourceId extends ResourceGroupScoped {
  readonly kind: 'fhirService';
  readonly fhirServiceName: string;
}

/** `.../services/{fhirServiceName}/iomtconnectors/{iomtConnectorName}` */
export interface IomtConnectorResourceId extends ResourceGroupScoped {
  readonly kind: 'iomtConnector';
  readonly fhirServiceName: string;
  readonly iomtConnectorName: string;
}

/** `.../iomtconnectors/{iomtConnectorName}/connections/{connectionName}` */
export interface IomtConnectionResourceId extends ResourceGroupScoped {
  readonly kind: 'iomtConnection';
  readonly fhirServiceName: string;
  readonly iomtConnectorName: string;
  readonly connectionName: string;
}

/** `.../iomtconnectors/{iomtConnectorName}/mappings/{deviceMapping|fhirMapping}` */
export interface IomtMappingResourceId extends ResourceGroupScoped {
  readonly kind: 'iomtMapping';
  readonly fhirServiceName: string;
  readonly iomtConnectorName: string;
  /** The canonical mapping name; `resources` keeps the caller's spelling. */
  readonly mappingName: IomtMappingName;
}

/** `/subscriptions/{sub}/providers/Microsoft.HealthcareApis/locations/{loc}/operationresults|operationstatuses/{id}` */
export interface OperationStatusResourceId extends ArmResourceId {
  readonly kind: 'operationResult' | 'operationStatus';
  readonly providerNamespace: string;
  /** Normalised ("westus2"); `resources` keeps the caller's spelling. */
  readonly location: string;
  readonly operationId: string;
}

/** Any resource id this provider serves, told apart by `kind`. */
export type HealthcareResourceId =
  | FhirServiceResourceId
  | IomtConnectorResourceId
  | IomtConnectionResourceId
  | IomtMappingResourceId
  | OperationStatusResourceId;

type Reader = (id: ArmResourceId & { providerNamespace: string }, names: readonly string[]) => HealthcareResourceId;

function inResourceGroup(id: ArmResourceId & { providerNamespace: string }): ResourceGroupScoped {
  if (id.resourceGroupName === undefined) {
    throw armValidationError(
      ErrorCode.InvalidResourceId,
      `The resource type '${resourceTypeName(id)}' lives in a resource group.`,
      'id',
    );
  }
  return { ...id, resourceGroupName: id.resourceGroupName };
}

function connectorNames(names: readonly string[]): { fhirServiceName: string; iomtConnectorName: string } {
  return {
    fhirServiceName: assertName(FHIR_SERVICE_NAME, names[0], 'fhirServiceName'),
    iomtConnectorName: assertName(IOMT_CONNECTOR_NAME, names[1], 'iomtConnectorName'),
  };
}

const readFhirService: Reader = (id, names) => ({
  ...inResourceGroup(id),
  kind: 'fhirService',
  fhirServiceName: assertName(FHIR_SERVICE_NAME, names[0], 'fhirServiceName'),
});

const readIomtConnector: Reader = (id, names) => ({
  ...inResourceGroup(id),
  kind: 'iomtConnector',
  ...connectorNames(names),
});

const readIomtConnection: Reader = (id, names) => ({
  ...inResourceGroup(id),
  kind: 'iomtConnection',
  ...connectorNames(names),
  connectionName: assertName(IOMT_CONNECTION_NAME, names[2], 'connectionName'),
});

const readIomtMapping: Reader = (id, names) => ({
  ...inResourceGroup(id),
  kind: 'iomtMapping',
  ...connectorNames(names),
  mappingName: parseIomtMappingName(names[2]),
});

function readOperationStatus(kind: OperationStatusResourceId['kind']): Reader {
  return (id, names) => {
    if (id.resourceGroupName !== undefined) {
      throw armValidationError(
        ErrorCode.InvalidResourceId,
        'Operation status ids are subscription-level, outside any resource group.',
        'id',
      );
    }
    return {
      ...id,
      kind,
      location: assertLocation(names[0]),
      operationId: assertName(OPERATION_ID, names[1], 'operationId'),
    };
  };
}

/** How to read each type chain, keyed by the lowercase chain. */
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  [HealthcareResourceType.FhirService, readFhirService],
  [HealthcareResourceType.IomtConnector, readIomtConnector],
  [HealthcareResourceType.IomtConnection, readIomtConnection],
  [HealthcareResourceType.IomtMapping, readIomtMapping],
  [HealthcareResourceType.OperationResult, readOperationStatus('operationResult')],
  [HealthcareResourceType.OperationStatus, readOperationStatus('operationStatus')],
]);

/**
 * Reads a generic id as one of ours: the namespace must be `Microsoft.HealthcareApis`
 * (`InvalidResourceNamespace`), the type chain one we serve (`InvalidResourceType`), and each name
 * must follow its rule (`InvalidResourceName`, `InvalidLocation`, `InvalidOperationId`).
 */
export function toHealthcareResourceId(id: ArmResourceId): HealthcareResourceId {
  const { providerNamespace } = id;
  if (providerNamespace === undefined) {
    throw armValidationError(ErrorCode.InvalidResourceId, 'A subscription or resource group id is not a resource id.', 'id');
  }
  if (providerNamespace.toLowerCase() !== HEALTHCARE_APIS_NAMESPACE.toLowerCase()) {
    throw armValidationError(
      ErrorCode.InvalidResourceNamespace,
      `The resource namespace ${quoteInput(providerNamespace)} is not served here; expected '${HEALTHCARE_APIS_NAMESPACE}'.`,
      'providerNamespace',
    );
  }
  const chain = resourceTypeName(id) as string;
  const read = READERS.get(chain.toLowerCase());
  if (read === undefined) {
    throw armValidationError(
      ErrorCode.InvalidResourceType,
      `The resource type ${quoteInput(chain)} could not be found in the namespace '${HEALTHCARE_APIS_NAMESPACE}'.`,
      'type',
    );
  }
  return read({ ...id, providerNamespace }, id.resources.map((segment) => segment.name));
}

/** Parses a path into one of our typed ids; see `parseResourceId` and `toHealthcareResourceId` for errors. */
export function parseHealthcareResourceId(text: unknown): HealthcareResourceId {
  return toHealthcareResourceId(parseResourceId(text));
}
