import {
  assertNewResourceName,
  createIomtConnector,
  ErrorCode,
  FhirServiceAccount,
  IomtConnector,
  iomtConnectorCodec,
  IomtConnectorResourceId,
  iomtServiceConfigurationSchema,
  locationsEqual,
  OperationType,
  parseOrThrow,
  provisioningStateOf,
  ResolutionType,
  ResourceState,
  ValidationError,
} from '@iomt/domain';
import { mappingContentAt } from '../iomt-mappings/mapping-content';
import { assertValidMappings, MappingContents } from '../iomt-mappings/mapping-validation';
import type { IomtConnectorPutBody } from './iomt-connector.request-body';

/** What a connector PUT does: the connector in its target state and the operation type. */
export interface IomtConnectorPutPlan {
  readonly connector: IomtConnector;
  readonly type: OperationType;
  readonly creates: boolean;
}

const MAPPING_ROOTS = { deviceMapping: 'properties.deviceMapping.content', fhirMapping: 'properties.fhirMapping.content' };

function serviceConfigurationOf(body: IomtConnectorPutBody) {
  return parseOrThrow(iomtServiceConfigurationSchema, body.properties?.serviceConfiguration ?? {}, 'The service configuration', {
    pathPrefix: 'properties.serviceConfiguration',
  });
}

/** The body's initial mappings, validated (400 listing every problem with its position in the body). */
function mappingsOf(body: IomtConnectorPutBody, rawBody: string | undefined, resolutionType: ResolutionType): MappingContents {
  const contents: MappingContents = {
    ...(body.properties?.deviceMapping === undefined ? {} : { deviceMapping: mappingContentAt(body, rawBody, ['properties', 'deviceMapping', 'content']) }),
    ...(body.properties?.fhirMapping === undefined ? {} : { fhirMapping: mappingContentAt(body, rawBody, ['properties', 'fhirMapping', 'content']) }),
  };
  if (Object.keys(contents).length > 0) assertValidMappings(contents, resolutionType, MAPPING_ROOTS);
  return contents;
}

function assertLocationOfParent(body: IomtConnectorPutBody, parent: FhirServiceAccount): void {
  if (locationsEqual(body.location, parent.location)) return;
  throw new ValidationError(
    `The location '${body.location}' of the IoMT connector must be the location '${parent.location}' of its FHIR service '${parent.name}'.`,
    { code: ErrorCode.InvalidLocation, target: 'location' },
  );
}

function assertReadOnlyState(body: IomtConnectorPutBody, existing: IomtConnector): void {
  const sent = body.properties?.provisioningState;
  const current = provisioningStateOf(existing.state);
  if (sent !== undefined && sent.toLowerCase() !== current.toLowerCase()) {
    throw new ValidationError(`properties.provisioningState is read-only; it is '${current}'.`, {
      code: ErrorCode.InvalidRequestContent,
      target: 'properties.provisioningState',
    });
  }
}

/**
 * Plans `PUT .../iomtconnectors/{name}`: a new connector (Provision, 201) in its parent's location,
 * or the stored one with the body's tags, configuration and mappings (Patch when provisioned,
 * Provision again after a failure, 200). Mappings not in the body are kept on update.
 */
export function planIomtConnectorPut(
  id: IomtConnectorResourceId,
  body: IomtConnectorPutBody,
  rawBody: string | undefined,
  parent: FhirServiceAccount,
  existing: IomtConnector | undefined,
): IomtConnectorPutPlan {
  assertLocationOfParent(body, parent);
  const serviceConfiguration = serviceConfigurationOf(body);
  const mappings = mappingsOf(body, rawBody, serviceConfiguration.resourceIdentityResolutionType);
  if (existing === undefined) {
    assertNewResourceName(id);
    const connector = createIomtConnector(parent, {
      connectorName: id.iomtConnectorName,
      location: parent.location,
      tags: body.tags,
      serviceConfiguration,
      deviceMapping: mappings.deviceMapping?.text,
      fhirMapping: mappings.fhirMapping?.text,
    });
    return { connector, type: OperationType.Provision, creates: true };
  }
  assertReadOnlyState(body, existing);
  const connector = iomtConnectorCodec.parse({
    ...existing,
    tags: body.tags ?? {},
    iomtProperties: {
      serviceConfiguration,
      deviceMapping: mappings.deviceMapping?.text ?? existing.iomtProperties.deviceMapping,
      fhirMapping: mappings.fhirMapping?.text ?? existing.iomtProperties.fhirMapping,
    },
  });
  const reprovision = [ResourceState.Failed, ResourceState.Canceled].includes(existing.state);
  return { connector, type: reprovision ? OperationType.Provision : OperationType.Patch, creates: false };
}

