import { HEALTHCARE_APIS_NAMESPACE } from '../../arm/healthcare-resource-types';

/** The ARM provider namespace of every resource this RP serves. */
export const PROVIDER_NAMESPACE = HEALTHCARE_APIS_NAMESPACE;

/**
 * `resourceTypeName` values stored on documents (seed 004). The connector's value follows the
 * seed's mapping constant `"IoMTConnectors/mappings"`; the connections value is ours, by analogy.
 */
export const ResourceTypeName = {
  FhirService: 'services',
  IomtConnector: 'IoMTConnectors',
  IomtConnectorMapping: 'IoMTConnectors/mappings',
  IomtConnectorConnection: 'IoMTConnectors/connections',
} as const;
export type ResourceTypeName = (typeof ResourceTypeName)[keyof typeof ResourceTypeName];

/** The `type` discriminator of every Global DB document. */
export const DocumentType = {
  Account: 'account',
  IomtConnector: 'iomtConnector',
  AccountSpecificStreamAnalyticsJob: 'accountSpecificStreamAnalyticsJob',
  Operation: 'provisioningrequest',
  CompletedOperation: 'completedprovisioningrequest',
  ClusterMetadata: 'clusterMetadata',
} as const;
export type DocumentType = (typeof DocumentType)[keyof typeof DocumentType];
