import type { z } from 'zod';
import { createConfigToken, serviceConfigSchema, type ServiceDefinition } from '@iomt/service-kit';

/**
 * Settings of the key-rotator service: PORT (default 8093), HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS.
 * Infra fragments (Service Bus, Cosmos) are added here with `.extend(fragment.shape)`.
 */
export const keyRotatorConfigSchema = serviceConfigSchema({ defaultPort: 8093 });

/** The validated settings of the key-rotator service. */
export type KeyRotatorConfig = z.output<typeof keyRotatorConfigSchema>;

/** Injects {@link KeyRotatorConfig}: `@Inject(KEY_ROTATOR_CONFIG) config: KeyRotatorConfig`. */
export const KEY_ROTATOR_CONFIG = createConfigToken<KeyRotatorConfig>('KEY_ROTATOR_CONFIG');

/** How `main.ts` and the tests start the key-rotator service. */
export const KEY_ROTATOR_SERVICE: ServiceDefinition<typeof keyRotatorConfigSchema> = {
  serviceName: 'key-rotator',
  configSchema: keyRotatorConfigSchema,
  configToken: KEY_ROTATOR_CONFIG,
};
