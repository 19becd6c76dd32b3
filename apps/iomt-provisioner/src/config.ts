import type { z } from 'zod';
import { azureConfigSchema } from '@iomt/azure';
import { serviceBusConfigSchema, serviceBusSessionDefaults, WORKER_SESSION_DEFAULTS } from '@iomt/messaging';
import { persistenceConfigSchema } from '@iomt/persistence';
import {
  createConfigToken,
  durationMsSetting,
  integerSetting,
  serviceConfigSchema,
  unsetWhenEmpty,
  type ServiceDefinition,
} from '@iomt/service-kit';

/**
 * Settings of the iomt-provisioner service: PORT (default 8091), HOST, LOG_LEVEL,
 * SHUTDOWN_TIMEOUT_MS, plus the fragments of its infrastructure: Service Bus (SERVICEBUS_*; it
 * consumes SERVICEBUS_IOMT_COMMANDS_QUEUE), the Global DB and mapping storage (COSMOS_*,
 * MAPPING_STORAGE_CONNECTION_STRING) and ARM (ARM_*). COMMANDS_ACCEPT_SESSION_TIMEOUT_MS (default
 * 10 s) bounds one wait for a free session, and so the tail of a graceful stop.
 * COMMAND_PROGRESS_MIN_MS (default 1000, 0 = every report): a command reports progress only once
 * it has run that long, and at most once per that interval, so a fast command sends none.
 */
export const iomtProvisionerConfigSchema = serviceConfigSchema({ defaultPort: 8091 })
  .extend(serviceBusConfigSchema.shape)
  .extend(serviceBusSessionDefaults(WORKER_SESSION_DEFAULTS))
  .extend(persistenceConfigSchema.shape)
  .extend(azureConfigSchema.shape)
  .extend({
    COMMANDS_ACCEPT_SESSION_TIMEOUT_MS: durationMsSetting(10_000, 300_000),
    COMMAND_PROGRESS_MIN_MS: unsetWhenEmpty(integerSetting(0, 3_600_000).default(1_000)),
  });

/** The validated settings of the iomt-provisioner service. */
export type IomtProvisionerConfig = z.output<typeof iomtProvisionerConfigSchema>;

/** Injects {@link IomtProvisionerConfig}: `@Inject(IOMT_PROVISIONER_CONFIG) config: IomtProvisionerConfig`. */
export const IOMT_PROVISIONER_CONFIG = createConfigToken<IomtProvisionerConfig>('IOMT_PROVISIONER_CONFIG');

/** How `main.ts` and the tests start the iomt-provisioner service. */
export const IOMT_PROVISIONER_SERVICE: ServiceDefinition<typeof iomtProvisionerConfigSchema> = {
  serviceName: 'iomt-provisioner',
  configSchema: iomtProvisionerConfigSchema,
  configToken: IOMT_PROVISIONER_CONFIG,
};
