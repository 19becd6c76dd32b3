import type { z } from 'zod';
import { createConfigToken, serviceConfigSchema, type ServiceDefinition } from '@iomt/service-kit';

/**
 * Settings of the iomt-provisioner service: PORT (default 8091), HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS.
 * Infra fragments (Service Bus, Cosmos) are added here with `.extend(fragment.shape)`.
 */
export const iomtProvisionerConfigSchema = serviceConfigSchema({ defaultPort: 8091 });

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
