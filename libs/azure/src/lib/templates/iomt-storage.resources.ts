import { type ArmTemplateResource, expression, literal, parameter, resourceIdOf, variable } from './arm-template';
import { IOMT_API_VERSIONS, KEY_VAULT_SECRETS_USER_ROLE_ID, P, V } from './iomt-connector.constants';

const STORAGE_TYPE = 'Microsoft.Storage/storageAccounts';
const VAULT_TYPE = 'Microsoft.KeyVault/vaults';
const SECRET_TYPE = 'Microsoft.KeyVault/vaults/secrets';
const ROLE_ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments';

/** Resource-id variables of the storage and Key Vault part. */
export function storageVariables(): Record<string, string> {
  return {
    [V.storageId]: expression(resourceIdOf(STORAGE_TYPE, parameter(P.storageAccountName))),
    [V.keyVaultId]: expression(resourceIdOf(VAULT_TYPE, parameter(P.keyVaultName))),
    [V.secretId]: expression(resourceIdOf(SECRET_TYPE, parameter(P.keyVaultName), parameter(P.storageSecretName))),
    [V.secretsUserRoleId]: expression(
      `concat(subscription().id, '/providers/Microsoft.Authorization/roleDefinitions/', ` +
        `${literal(KEY_VAULT_SECRETS_USER_ROLE_ID)})`,
    ),
    [V.secretsUserAssignmentName]: expression(
      `guid(${variable(V.keyVaultId)}, ${variable(V.siteId)}, ${variable(V.secretsUserRoleId)})`,
    ),
    [V.secretsUserAssignmentId]: expression(
      `extensionResourceId(${variable(V.keyVaultId)}, '${ROLE_ASSIGNMENT_TYPE}', ${variable(V.secretsUserAssignmentName)})`,
    ),
  };
}

/**
 * The storage connection string, built inside the deployment from `listKeys()`: the key never
 * travels as a parameter, so it never shows in the deployment's recorded parameters.
 */
const STORAGE_CONNECTION_STRING = expression(
  `concat('DefaultEndpointsProtocol=https;AccountName=', ${parameter(P.storageAccountName)}, ';AccountKey=', ` +
    `listKeys(${variable(V.storageId)}, '${IOMT_API_VERSIONS.storage}').keys[0].value, ` +
    `';EndpointSuffix=', environment().suffixes.storage)`,
);

/** The mappings' storage account with its private `template` container. */
export function storageResources(): ArmTemplateResource[] {
  return [
    {
      type: STORAGE_TYPE,
      apiVersion: IOMT_API_VERSIONS.storage,
      name: expression(parameter(P.storageAccountName)),
      location: expression(parameter(P.location)),
      tags: expression(parameter(P.tags)),
      kind: 'StorageV2',
      sku: { name: 'Standard_RAGRS' },
      properties: { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false },
    },
    {
      type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
      apiVersion: IOMT_API_VERSIONS.storage,
      name: expression(`concat(${parameter(P.storageAccountName)}, '/default/', ${parameter(P.mappingContainerName)})`),
      dependsOn: [expression(variable(V.storageId))],
      properties: { publicAccess: 'None' },
    },
  ];
}

/**
 * The Key Vault (RBAC mode) holding the storage connection string as `blob-storage-cs`, and the
 * Function App's "Key Vault Secrets User" role on it (iomt.md §1.2, managed-identity template).
 * `principalType` avoids the PrincipalNotFound race of a just-created identity (iomt.md §4.4).
 */
export function keyVaultResources(): ArmTemplateResource[] {
  return [
    {
      type: VAULT_TYPE,
      apiVersion: IOMT_API_VERSIONS.keyVault,
      name: expression(parameter(P.keyVaultName)),
      location: expression(parameter(P.location)),
      tags: expression(parameter(P.tags)),
      properties: {
        tenantId: expression('subscription().tenantId'),
        sku: { family: 'A', name: 'standard' },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
      },
    },
    {
      type: SECRET_TYPE,
      apiVersion: IOMT_API_VERSIONS.keyVault,
      name: expression(`concat(${parameter(P.keyVaultName)}, '/', ${parameter(P.storageSecretName)})`),
      dependsOn: [expression(variable(V.keyVaultId)), expression(variable(V.storageId))],
      properties: { value: STORAGE_CONNECTION_STRING, contentType: 'text/plain' },
    },
    {
      type: ROLE_ASSIGNMENT_TYPE,
      apiVersion: IOMT_API_VERSIONS.authorization,
      scope: expression(`concat('Microsoft.KeyVault/vaults/', ${parameter(P.keyVaultName)})`),
      name: expression(variable(V.secretsUserAssignmentName)),
      dependsOn: [expression(variable(V.keyVaultId)), expression(variable(V.siteId))],
      properties: {
        roleDefinitionId: expression(variable(V.secretsUserRoleId)),
        principalId: expression(
          `reference(${variable(V.siteId)}, '${IOMT_API_VERSIONS.web}', 'Full').identity.principalId`,
        ),
        principalType: 'ServicePrincipal',
      },
    },
  ];
}
