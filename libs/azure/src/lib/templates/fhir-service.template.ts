import { OFFER_THROUGHPUT } from '@iomt/domain';
import {
  type ArmTemplate,
  type ArmTemplateResource,
  DEPLOYMENT_TEMPLATE_SCHEMA,
  expression,
  parameter,
  resourceIdOf,
  resourceOutput,
  variable,
} from './arm-template';

/** API versions of the FHIR service template. */
export const FHIR_API_VERSIONS = { cosmosDb: '2024-05-15', web: '2023-12-01' } as const;

/** The FHIR server's database in its Cosmos DB account. */
export const FHIR_DATABASE_NAME = 'health';

/** Output names of the FHIR service template. */
export const FHIR_OUTPUTS = {
  cosmosDbAccount: 'cosmosDbAccount',
  webApp: 'webApp',
  principalId: 'principalId',
} as const;

const ACCOUNT = parameter('cosmosDbAccountName');
const SITE = parameter('webAppName');
const THROUGHPUT = expression(parameter('offerThroughput'));
const SITE_PRINCIPAL = `reference(${variable('siteId')}, '${FHIR_API_VERSIONS.web}', 'Full').identity.principalId`;

/** The Cosmos DB account and the database at the requested throughput (kept current on redeploy). */
function cosmosResources(): ArmTemplateResource[] {
  const db = `concat(${ACCOUNT}, '/${FHIR_DATABASE_NAME}')`;
  return [
    {
      type: 'Microsoft.DocumentDB/databaseAccounts',
      apiVersion: FHIR_API_VERSIONS.cosmosDb,
      name: expression(ACCOUNT),
      location: expression(parameter('location')),
      tags: expression(parameter('tags')),
      kind: 'GlobalDocumentDB',
      properties: {
        databaseAccountOfferType: 'Standard',
        consistencyPolicy: { defaultConsistencyLevel: 'Session' },
        locations: [{ locationName: expression(parameter('location')), failoverPriority: 0, isZoneRedundant: false }],
        keyVaultKeyUri: expression(`if(empty(${parameter('keyVaultKeyUri')}), null(), ${parameter('keyVaultKeyUri')})`),
      },
    },
    {
      type: 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
      apiVersion: FHIR_API_VERSIONS.cosmosDb,
      name: expression(db),
      dependsOn: [expression(variable('cosmosId'))],
      properties: { resource: { id: FHIR_DATABASE_NAME }, options: { throughput: THROUGHPUT } },
    },
    {
      // `options.throughput` only applies when the database is created; a PATCH changes it here.
      type: 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/throughputSettings',
      apiVersion: FHIR_API_VERSIONS.cosmosDb,
      name: expression(`concat(${ACCOUNT}, '/${FHIR_DATABASE_NAME}/default')`),
      dependsOn: [expression(variable('databaseId'))],
      properties: { resource: { throughput: THROUGHPUT } },
    },
  ];
}

/** The FHIR server's web app, its settings (parameter: none is a secret) and its database connection (resolved by ARM). */
function webAppResources(): ArmTemplateResource[] {
  const cosmosConnection = expression(
    `concat('AccountEndpoint=', reference(${variable('cosmosId')}, '${FHIR_API_VERSIONS.cosmosDb}').documentEndpoint, ` +
      `';AccountKey=', listKeys(${variable('cosmosId')}, '${FHIR_API_VERSIONS.cosmosDb}').primaryMasterKey, ';')`,
  );
  return [
    {
      type: 'Microsoft.Web/sites',
      apiVersion: FHIR_API_VERSIONS.web,
      name: expression(SITE),
      location: expression(parameter('location')),
      tags: expression(parameter('tags')),
      kind: 'app',
      identity: { type: expression(parameter('identityType')) },
      properties: {
        serverFarmId: expression(parameter('appServicePlanId')),
        httpsOnly: true,
        siteConfig: { alwaysOn: true, http20Enabled: true, ftpsState: 'Disabled', minTlsVersion: '1.2' },
      },
    },
    {
      type: 'Microsoft.Web/sites/config',
      apiVersion: FHIR_API_VERSIONS.web,
      name: expression(`concat(${SITE}, '/appsettings')`),
      dependsOn: [expression(variable('siteId'))],
      properties: expression(parameter('appSettings')),
    },
    {
      type: 'Microsoft.Web/sites/config',
      apiVersion: FHIR_API_VERSIONS.web,
      name: expression(`concat(${SITE}, '/connectionstrings')`),
      dependsOn: [expression(variable('siteId')), expression(variable('databaseId'))],
      properties: { CosmosDb: { value: cosmosConnection, type: 'Custom' } },
    },
  ];
}

/**
 * The FHIR service's infrastructure (issue 6, fhir-provisioner): a Cosmos DB account with the
 * database at the requested throughput, and the FHIR server web app with the service's
 * authentication, CORS and SMART proxy settings and its managed identity.
 */
export function fhirServiceTemplate(): ArmTemplate {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: {
      location: { type: 'string' },
      tags: { type: 'object', defaultValue: {} },
      cosmosDbAccountName: { type: 'string', minLength: 3, maxLength: 44 },
      offerThroughput: { type: 'int', minValue: OFFER_THROUGHPUT.min, maxValue: OFFER_THROUGHPUT.max },
      keyVaultKeyUri: { type: 'string', defaultValue: '' },
      webAppName: { type: 'string', minLength: 2, maxLength: 60 },
      appServicePlanId: { type: 'string' },
      identityType: { type: 'string', allowedValues: ['None', 'SystemAssigned'] },
      appSettings: { type: 'object' },
    },
    variables: {
      cosmosId: expression(resourceIdOf('Microsoft.DocumentDB/databaseAccounts', ACCOUNT)),
      databaseId: expression(
        resourceIdOf('Microsoft.DocumentDB/databaseAccounts/sqlDatabases', ACCOUNT, `'${FHIR_DATABASE_NAME}'`),
      ),
      siteId: expression(resourceIdOf('Microsoft.Web/sites', SITE)),
    },
    resources: [...cosmosResources(), ...webAppResources()],
    outputs: {
      [FHIR_OUTPUTS.cosmosDbAccount]: resourceOutput(
        variable('cosmosId'),
        ACCOUNT,
        'Microsoft.DocumentDB/databaseAccounts',
      ),
      [FHIR_OUTPUTS.webApp]: resourceOutput(variable('siteId'), SITE, 'Microsoft.Web/sites'),
      [FHIR_OUTPUTS.principalId]: {
        type: 'string',
        value: expression(`if(equals(${parameter('identityType')}, 'SystemAssigned'), ${SITE_PRINCIPAL}, '')`),
      },
    },
  };
}
