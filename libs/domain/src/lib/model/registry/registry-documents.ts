import { DocumentCodec } from '../common/document-codec';
import { DocumentType } from '../common/identifiers';
import { toValidationError } from '../validation/validation-problem';
import { dropNullProperties } from '../validation/json';
import { FhirServiceAccount, fhirServiceAccountCodec } from '../resources/fhir-service-account';
import { IomtConnector, iomtConnectorCodec } from '../resources/iomt-connector';
import {
  AccountSpecificStreamAnalyticsJob,
  accountSpecificStreamAnalyticsJobCodec,
} from '../secrets/account-specific-stream-analytics-job';

/** Child resources by their `type`, for repositories that return the type they are asked for. */
export interface ChildResourceByType {
  iomtConnector: IomtConnector;
  accountSpecificStreamAnalyticsJob: AccountSpecificStreamAnalyticsJob;
}
export type ChildResourceType = keyof ChildResourceByType;
export type ChildResourceEntity = ChildResourceByType[ChildResourceType];

/** Every account-registry entity: the FHIR service and its children. */
export type RegistryEntity = FhirServiceAccount | ChildResourceEntity;
export type RegistryEntityType = RegistryEntity['type'];

/** The codec of each child type. */
export const CHILD_RESOURCE_CODECS: { readonly [K in ChildResourceType]: DocumentCodec<ChildResourceByType[K], unknown> } = {
  iomtConnector: iomtConnectorCodec,
  accountSpecificStreamAnalyticsJob: accountSpecificStreamAnalyticsJobCodec,
};

const REGISTRY_CODECS: { readonly [K in RegistryEntityType]: DocumentCodec<Extract<RegistryEntity, { type: K }>, unknown> } = {
  account: fhirServiceAccountCodec,
  ...CHILD_RESOURCE_CODECS,
};

function codecOf(type: unknown): DocumentCodec<RegistryEntity, unknown> | undefined {
  return typeof type === 'string' && Object.hasOwn(REGISTRY_CODECS, type)
    ? (REGISTRY_CODECS[type as RegistryEntityType] as DocumentCodec<RegistryEntity, unknown>)
    : undefined;
}

/** True for the `type` of a child resource this product knows. */
export function isChildResourceType(type: string): type is ChildResourceType {
  return Object.hasOwn(CHILD_RESOURCE_CODECS, type);
}

/**
 * Reads any account-registry document by its `type`.
 * @throws ValidationError for an unknown type or an invalid document.
 */
export function registryEntityFromDocument(json: unknown): RegistryEntity {
  const type = (dropNullProperties(json) as { type?: unknown } | undefined)?.type;
  const codec = codecOf(type);
  if (codec === undefined) {
    const known = Object.keys(REGISTRY_CODECS).join(', ');
    throw toValidationError('The registry document', [{ path: 'type', message: `must be one of ${known}` }]);
  }
  return codec.fromDocument(json);
}

/** The stored document of any account-registry entity. */
export function registryEntityToDocument(entity: RegistryEntity): Record<string, unknown> {
  const codec = codecOf(entity.type);
  if (codec === undefined) {
    throw toValidationError('The registry document', [{ path: 'type', message: `is unknown: ${String(entity.type)}` }]);
  }
  return codec.toDocument(entity) as Record<string, unknown>;
}

/** Keeps the names in one place for queries: `c.type = @type`. */
export const REGISTRY_DOCUMENT_TYPES: readonly RegistryEntityType[] = [
  DocumentType.Account,
  DocumentType.IomtConnector,
  DocumentType.AccountSpecificStreamAnalyticsJob,
];
