import type { z } from 'zod';
import { azureConfigSchema } from '@iomt/azure';
import { serviceBusConfigSchema, serviceBusSessionDefaults, WORKER_SESSION_DEFAULTS } from '@iomt/messaging';
import { persistenceConfigSchema } from '@iomt/persistence';
import {
  createConfigToken,
  durationMsSetting,
  integerSetting,
  serviceConfigSchema,
  type ServiceDefinition,
  unsetWhenEmpty,
} from '@iomt/service-kit';

/**
 * Settings of the fhir-provisioner service: PORT (default 8092), HOST, LOG_LEVEL,
 * SHUTDOWN_TIMEOUT_MS, plus the fragments of its infrastructure: Service Bus (SERVICEBUS_*; it
 * consumes SERVICEBUS_FHIR_COMMANDS_QUEUE), the Global DB and mapping storage (COSMOS_*,
 * MAPPING_STORAGE_CONNECTION_STRING) and ARM (ARM_*). COMMANDS_ACCEPT_SESSION_TIMEOUT_MS (default
 * 10 s) bounds one wait for a free session, and so the tail of a graceful stop.
 * CLUSTER_METADATA_CACHE_SECONDS (default 30, 0 = off): how long provisioning and patching reuse a
 * region's metadata before reading it again. COMMAND_PROGRESS_MIN_MS (default 1000, 0 = every
 * report): a command reports progress only once it has run that long, and at most once per that
 * interval, so a fast command sends none.
 */
export const fhirProvisionerConfigSchema = serviceConfigSchema({ defaultPort: 8092 })
  .extend(serviceBusConfigSchema.shape)
  .extend(serviceBusSessionDefaults(WORKER_SESSION_DEFAULTS))
  .extend(persistenceConfigSchema.shape)
  .extend(azureConfigSchema.shape)
  .extend({
    COMMANDS_ACCEPT_SESSION_TIMEOUT_MS: durationMsSetting(10_000, 300_000),
    CLUSTER_METADATA_CACHE_SECONDS: unsetWhenEmpty(integerSetting(0, 86_400).default(30)),
    COMMAND_PROGRESS_MIN_MS: unsetWhenEmpty(integerSetting(0, 3_600_000).default(1_000)),
  });

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
