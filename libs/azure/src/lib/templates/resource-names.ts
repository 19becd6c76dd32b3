import { createHash } from 'node:crypto';
import { type FhirServiceAccount, type IomtConnector, parseChildResourceName } from '@iomt/domain';

/** Names of the Azure resources of one IoMT connector, all in its own resource group. */
export interface IomtConnectorResourceNames {
  readonly resourceGroup: string;
  /** Event Hubs namespace: 6-50 letters, digits, hyphens; starts with a letter; global DNS name. */
  readonly eventHubNamespace: string;
  /** Storage account: 3-24 lowercase letters and digits; global DNS name. */
  readonly storageAccount: string;
  /** Key Vault: 3-24 letters, digits, single hyphens; starts with a letter; global and soft-deleted for 90 days. */
  readonly keyVault: string;
  /** Stream Analytics job: 3-63 letters, digits, hyphens, underscores. */
  readonly streamAnalyticsJob: string;
  /** Function App: 2-60 letters, digits, hyphens; global DNS name (`*.azurewebsites.net`). */
  readonly functionApp: string;
}

/** Names of the Azure resources behind one FHIR service. */
export interface FhirServiceResourceNames {
  readonly resourceGroup: string;
  /** Cosmos DB account: 3-44 lowercase letters, digits, hyphens; global DNS name. */
  readonly cosmosDbAccount: string;
  /** The FHIR server's web app: 2-60 letters, digits, hyphens; global DNS name. */
  readonly webApp: string;
}

/** Hex characters of the suffix: 40 bits, so two incarnations of one name do not collide. */
const SUFFIX_LENGTH = 10;

/**
 * A stable suffix of a document: the same connector always gets the same names (a retried
 * deployment re-attaches), while a connector deleted and created again under the same name gets
 * new ones (global names such as a soft-deleted Key Vault's stay taken after deletion).
 */
function suffixOf(subscriptionId: string, documentId: string): string {
  return createHash('sha256')
    .update(`${subscriptionId.toLowerCase()}/${documentId}`)
    .digest('hex')
    .slice(0, SUFFIX_LENGTH);
}

/** Lowercase letters, digits and single hyphens, without hyphens at either end. */
function slug(text: string, maxLength: number): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/** Lowercase letters and digits only. */
function alphanumeric(text: string, maxLength: number): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, maxLength);
}

/** `prefix-slug-suffix`, the slug cut so the whole fits `maxLength`. */
function dashed(prefix: string, text: string, suffix: string, maxLength: number): string {
  const room = maxLength - prefix.length - suffix.length - 2;
  return [prefix, slug(text, room), suffix].filter((part) => part !== '').join('-');
}

/**
 * The resource group of a connector: `rg-iomt-{fhir service}-{connector}` (seed 004's
 * `rg-iomt-fhirsrv-name`). Deprovisioning deletes it and waits, so reusing the name is safe.
 */
export function iomtResourceGroupName(connector: Pick<IomtConnector, 'name'>): string {
  const [fhirServiceName, connectorName] = parseChildResourceName(connector.name, 2);
  return `rg-iomt-${slug(fhirServiceName, 40)}-${slug(connectorName, 40)}`;
}

/** The deterministic names of a connector's resources (see {@link IomtConnectorResourceNames} for the limits). */
export function iomtConnectorResourceNames(
  connector: Pick<IomtConnector, 'id' | 'name' | 'subscriptionId'>,
): IomtConnectorResourceNames {
  const [fhirServiceName, connectorName] = parseChildResourceName(connector.name, 2);
  const base = `${fhirServiceName}-${connectorName}`;
  const suffix = suffixOf(connector.subscriptionId, connector.id);
  return {
    resourceGroup: iomtResourceGroupName(connector),
    eventHubNamespace: dashed('ehn', base, suffix, 50),
    storageAccount: `st${alphanumeric(base, 24 - 2 - SUFFIX_LENGTH)}${suffix}`,
    keyVault: dashed('kv', base, suffix, 24),
    streamAnalyticsJob: dashed('asa', base, suffix, 63),
    functionApp: dashed('func', base, suffix, 60),
  };
}

/** The deterministic names of a FHIR service's resources. */
export function fhirServiceResourceNames(
  account: Pick<FhirServiceAccount, 'id' | 'name' | 'subscriptionId'>,
): FhirServiceResourceNames {
  const suffix = suffixOf(account.subscriptionId, account.id);
  return {
    resourceGroup: `rg-fhir-${slug(account.name, 80)}`,
    cosmosDbAccount: dashed('cosmos', account.name, suffix, 44),
    webApp: dashed('fhir', account.name, suffix, 60),
  };
}
