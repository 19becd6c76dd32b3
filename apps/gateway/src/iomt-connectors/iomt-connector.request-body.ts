import { z } from 'zod';

const mappingSchema = z.strictObject({ content: z.union([z.record(z.string(), z.unknown()), z.string()]) });

/**
 * The body of `PUT .../iomtconnectors/{name}` (2020-05-01-preview, arm-rpc.md §2.1 [inference]):
 * `location`, `tags`, `properties.serviceConfiguration.resourceIdentityResolutionType`, and
 * optional initial mappings `properties.deviceMapping.content` / `properties.fhirMapping.content`.
 * Read-only members ARM clients echo are accepted and ignored.
 */
export const iomtConnectorPutBodySchema = z.strictObject({
  id: z.unknown().optional(),
  name: z.unknown().optional(),
  type: z.unknown().optional(),
  systemData: z.unknown().optional(),
  location: z.string(),
  tags: z.record(z.string(), z.string()).optional(),
  etag: z.string().optional(),
  properties: z
    .strictObject({
      provisioningState: z.string().optional(),
      serviceConfiguration: z.strictObject({ resourceIdentityResolutionType: z.string().optional() }).optional(),
      deviceMapping: mappingSchema.optional(),
      fhirMapping: mappingSchema.optional(),
    })
    .optional(),
});

/** A parsed connector PUT body. */
export type IomtConnectorPutBody = z.output<typeof iomtConnectorPutBodySchema>;
