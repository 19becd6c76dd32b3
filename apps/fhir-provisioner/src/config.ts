import type { z } from 'zod';
import { createConfigToken, serviceConfigSchema, type ServiceDefinition } from '@iomt/service-kit';

/**
 * Settings of the fhir-provisioner service: PORT (default 8092), HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS.
 * Infra fragments (Service Bus, Cosmos) are added here with `.extend(fragment.shape)`.
 */
export const fhirProvisionerConfigSchema = serviceConfigSchema({ defaultPort: 8092 });

/** The validated settings of the fhir-provisioner service. */
export type FhirProvisionerConfig = z.output<typeof fhirProvisionerConfigSchema>;

/** Injects {@link FhirProvisionerConfig}: `@Inject(FHIR_PROVISIONER_CONFIG) config: FhirProvisionerConfig`. */
export const FHIR_PROVISIONER_CONFIG = createConfigToken<FhirProvisionerConfig>('FHIR_PROVISIONER_CONFIG');

/** How `main.ts` and the tests start the fhir-provisioner service. */
export const FHIR_PROVISIONER_SERVICE: ServiceDefinition<typeof fhirProvisionerConfigSchema> = {
  serviceName: 'fhir-provisioner',
  configSchema: fhirProvisionerConfigSchema,
  configToken: FHIR_PROVISIONER_CONFIG,
};
