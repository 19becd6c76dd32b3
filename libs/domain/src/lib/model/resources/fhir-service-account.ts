import { z } from 'zod';
import { documentMetadataShape } from '../common/account-registry-document';
import { documentCodec } from '../common/document-codec';
import { DocumentType, PROVIDER_NAMESPACE, ResourceTypeName } from '../common/identifiers';
import { createSearchIndex, SearchIndexKey } from '../common/search-index';
import { withCrossFieldRules } from '../validation/cross-field-rule';
import { caseInsensitiveEnum } from '../validation/enum-schemas';
import { guid, httpUrl, resourceGroupName, subscriptionId, tags, text } from '../validation/rules';
import { resourceStateSchema } from './resource-state';

/** `kind` of a `Microsoft.HealthcareApis/services` resource. */
export const FHIR_SERVICE_KINDS = ['fhir', 'fhir-Stu3', 'fhir-R4'] as const;
export type FhirServiceKind = (typeof FHIR_SERVICE_KINDS)[number];

/** The public API's bounds on the backing database throughput (RU/s). */
export const OFFER_THROUGHPUT = { min: 400, max: 10000, default: 400 } as const;

/** A CORS origin as the HealthcareApis swagger allows it: `http(s)://host[:port]` or `*`. */
const CORS_ORIGIN = /^(?:https?:\/\/(?:[a-zA-Z0-9-]+\.?)+(?::[0-9]{1,5})?|\*)$/i;

const servicePropertiesSchema = z.object({
  accessPolicies: z.array(z.object({ objectId: guid() })).default(() => []),
  cosmosDbConfiguration: z
    .object({
      offerThroughput: z.int().min(OFFER_THROUGHPUT.min).max(OFFER_THROUGHPUT.max).default(OFFER_THROUGHPUT.default),
      keyVaultKeyUri: httpUrl().optional(),
    })
    .prefault({}),
  authenticationConfiguration: z
    .object({ authority: httpUrl().optional(), audience: text().optional(), smartProxyEnabled: z.boolean().default(false) })
    .prefault({}),
  corsConfiguration: withCrossFieldRules(
    z.object({
      origins: z.array(z.string().regex(CORS_ORIGIN, { error: 'must be "*" or http(s)://host[:port]' })).default(() => []),
      headers: z.array(text()).default(() => []),
      methods: z.array(text()).default(() => []),
      maxAge: z.int().min(0).max(99999).optional(),
      allowCredentials: z.boolean().default(false),
    }),
    [
      {
        // The CORS standard forbids credentials with a wildcard origin; browsers would reject every call.
        path: ['allowCredentials'],
        check: ({ allowCredentials, origins }) =>
          allowCredentials === true && Array.isArray(origins) && origins.includes('*')
            ? 'must be false when origins contains "*"'
            : undefined,
      },
    ],
  ).prefault({}),
  exportConfiguration: z.object({ storageAccountName: text().optional() }).optional(),
  publicNetworkAccess: caseInsensitiveEnum(['Enabled', 'Disabled']).optional(),
});

/**
 * The FHIR service account (`Microsoft.HealthcareApis/services`, document type `account`), the
 * parent of IoMT connectors. The seed only names its `Id`, `Name` and `Type`; the rest is what
 * the gateway needs to serve the public `services` API (arm-rpc.md §2, `@azure/arm-healthcareapis`).
 */
export const fhirServiceAccountSchema = z.object({
  ...documentMetadataShape,
  type: z.literal(DocumentType.Account),
  name: text(),
  subscriptionId: subscriptionId(),
  resourceGroupName: resourceGroupName(),
  providerNamespace: caseInsensitiveEnum([PROVIDER_NAMESPACE]),
  resourceTypeName: caseInsensitiveEnum([ResourceTypeName.FhirService]),
  location: text(),
  kind: caseInsensitiveEnum(FHIR_SERVICE_KINDS),
  tags: tags().default(() => ({})),
  identity: z
    .object({
      type: caseInsensitiveEnum(['None', 'SystemAssigned']),
      principalId: guid().optional(),
      tenantId: guid().optional(),
    })
    .optional(),
  properties: servicePropertiesSchema.prefault({}),
  state: resourceStateSchema,
});

/** A FHIR service account as held in memory. */
export type FhirServiceAccount = z.output<typeof fhirServiceAccountSchema>;

/** Stores accounts: `partitionKey` = subscription id; search index by name, type and resource group. */
export const fhirServiceAccountCodec = documentCodec({
  subject: 'The FHIR service',
  schema: fhirServiceAccountSchema,
  derive: (account: FhirServiceAccount) => ({
    partitionKey: account.subscriptionId,
    searchIndex: createSearchIndex([
      [SearchIndexKey.Name, account.name],
      [SearchIndexKey.Type, account.type],
      [SearchIndexKey.ResourceGroupName, account.resourceGroupName],
    ]),
  }),
});

/** The stored JSON form of a {@link FhirServiceAccount}. */
export type FhirServiceAccountDocument = ReturnType<typeof fhirServiceAccountCodec.toDocument>;
