import { z } from 'zod';
import { ResourceTypeName } from '../common/identifiers';
import { OFFER_THROUGHPUT } from '../resources/fhir-service-account';
import { iomtServiceConfigurationSchema } from '../resources/iomt-service-configuration';
import { MAX_MAPPING_CONTENT_LENGTH, mappingTypeSchema } from '../resources/mapping-type';
import { numericEnum } from '../validation/enum-schemas';
import { documentId, guid, httpUrl, sharedAccessPolicyName, tags, text } from '../validation/rules';
import { defineOperationSchema } from './operation-document';

/**
 * FHIR version of a FHIR service (the seed's `FhirVersion`, whose values it does not show; we
 * number them in release order).
 */
export enum FhirVersion {
  Stu3 = 0,
  R4 = 1,
}

/** An operation on a FHIR service account (seed 004 `FhirAccountOperationDocument`), resource type `services`. */
export const fhirAccountOperationSchema = defineOperationSchema(ResourceTypeName.FhirService, {
  offerThroughput: z.int().min(OFFER_THROUGHPUT.min).max(OFFER_THROUGHPUT.max).default(OFFER_THROUGHPUT.default),
  externalSecurityAuthenticationAuthority: httpUrl().optional(),
  externalSecurityAuthenticationAudience: z.url().optional(),
  externalSecurityAuthenticationAllowedOids: z.array(guid()).optional(),
  tags: tags().default(() => ({})),
  corsOrigins: z.array(text()).optional(),
  corsHeaders: z.array(text()).optional(),
  corsMethods: z.array(text()).optional(),
  corsMaxAge: z.int().min(0).max(99999).optional(),
  corsAllowCredentials: z.boolean().default(false),
  smartProxyEnabled: z.boolean().default(false),
  fhirVersion: numericEnum(FhirVersion),
  externalManagedIdentity: z
    .object({ type: text(), principalId: guid().optional(), tenantId: guid().optional() })
    .optional(),
});
export type FhirAccountOperationDocument = z.output<typeof fhirAccountOperationSchema>;

/** An operation on an IoMT connector (seed 004 `IomtConnectorOperationDocument`), resource type `IoMTConnectors`. */
export const iomtConnectorOperationSchema = defineOperationSchema(ResourceTypeName.IomtConnector, {
  iomtConnectorId: documentId(),
  serviceConfiguration: iomtServiceConfigurationSchema.optional(),
});
export type IomtConnectorOperationDocument = z.output<typeof iomtConnectorOperationSchema>;

/**
 * Sets a connector's device or FHIR mapping (seed 004 `IomtConnectorMappingOperationDocument`),
 * resource type `IoMTConnectors/mappings`.
 */
export const iomtConnectorMappingOperationSchema = defineOperationSchema(ResourceTypeName.IomtConnectorMapping, {
  iomtConnectorId: documentId(),
  mappingType: mappingTypeSchema,
  mappingContent: z.string().min(1).max(MAX_MAPPING_CONTENT_LENGTH),
});
export type IomtConnectorMappingOperationDocument = z.output<typeof iomtConnectorMappingOperationSchema>;

/**
 * Creates or deletes a connector's connection, a write-only SAS policy on its device hub (ours;
 * the seed has no connection operation), resource type `IoMTConnectors/connections`.
 */
export const iomtConnectorConnectionOperationSchema = defineOperationSchema(ResourceTypeName.IomtConnectorConnection, {
  iomtConnectorId: documentId(),
  connectionName: sharedAccessPolicyName(),
});
export type IomtConnectorConnectionOperationDocument = z.output<typeof iomtConnectorConnectionOperationSchema>;
