import { z } from 'zod';

/** Read-only members ARM clients may echo back; accepted and ignored. */
const readOnlyTopLevel = {
  id: z.unknown().optional(),
  name: z.unknown().optional(),
  type: z.unknown().optional(),
  systemData: z.unknown().optional(),
};

const identitySchema = z.strictObject({
  type: z.string(),
  principalId: z.unknown().optional(),
  tenantId: z.unknown().optional(),
});

const corsSchema = z.strictObject({
  origins: z.array(z.string()).optional(),
  headers: z.array(z.string()).optional(),
  methods: z.array(z.string()).optional(),
  maxAge: z.number().optional(),
  allowCredentials: z.boolean().optional(),
});

/**
 * `properties` of the public `services` API (2023-11-01 `ServicesProperties`) that this provider
 * serves. Unknown members are refused by name; values are checked by the domain's account rules.
 */
const servicePropertiesSchema = z.strictObject({
  provisioningState: z.string().optional(),
  accessPolicies: z.array(z.strictObject({ objectId: z.string() })).optional(),
  cosmosDbConfiguration: z.strictObject({ offerThroughput: z.number().optional(), keyVaultKeyUri: z.string().optional() }).optional(),
  authenticationConfiguration: z
    .strictObject({ authority: z.string().optional(), audience: z.string().optional(), smartProxyEnabled: z.boolean().optional() })
    .optional(),
  corsConfiguration: corsSchema.optional(),
  exportConfiguration: z.strictObject({ storageAccountName: z.string().optional() }).optional(),
  publicNetworkAccess: z.string().optional(),
  privateEndpointConnections: z.array(z.unknown()).max(0, { error: 'private endpoints are not supported' }).optional(),
});

/** The body of `PUT .../services/{name}` (`ServicesDescription`). */
export const fhirServicePutBodySchema = z.strictObject({
  ...readOnlyTopLevel,
  location: z.string(),
  kind: z.string(),
  tags: z.record(z.string(), z.string()).optional(),
  etag: z.string().optional(),
  identity: identitySchema.optional(),
  properties: servicePropertiesSchema.optional(),
});

/** A parsed PUT body. */
export type FhirServicePutBody = z.output<typeof fhirServicePutBodySchema>;

/** The body of `PATCH .../services/{name}` (`ServicesPatchDescription`): tags, identity, public network access. */
export const fhirServicePatchBodySchema = z.strictObject({
  tags: z.record(z.string(), z.string()).optional(),
  identity: identitySchema.optional(),
  properties: z.strictObject({ publicNetworkAccess: z.string().optional() }).optional(),
});

/** A parsed PATCH body. */
export type FhirServicePatchBody = z.output<typeof fhirServicePatchBodySchema>;
