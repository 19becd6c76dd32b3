import type { z } from 'zod';
import {
  createConfigToken,
  optionalPortSetting,
  optionalSecretSetting,
  serviceConfigSchema,
  type ServiceDefinition,
} from '@iomt/service-kit';

/**
 * Settings of the gateway: PORT (default 8080) unless GATEWAY_PORT is set, which wins so
 * that one shared environment can start every service; HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS;
 * LOCAL_ARM_TOKEN, the bearer token accepted in place of ARM's when running locally.
 * Infra fragments (Service Bus, Cosmos) are added with `.extend(fragment.shape)`.
 */
export const gatewayConfigSchema = serviceConfigSchema({ defaultPort: 8080 })
  .extend({
    GATEWAY_PORT: optionalPortSetting(),
    LOCAL_ARM_TOKEN: optionalSecretSetting(),
  })
  .transform(({ GATEWAY_PORT, ...settings }) => ({ ...settings, PORT: GATEWAY_PORT ?? settings.PORT }));

/** The validated settings of the gateway (PORT already resolved from GATEWAY_PORT). */
export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** Injects {@link GatewayConfig}: `@Inject(GATEWAY_CONFIG) config: GatewayConfig`. */
export const GATEWAY_CONFIG = createConfigToken<GatewayConfig>('GATEWAY_CONFIG');

/** How `main.ts` and the tests start the gateway. */
export const GATEWAY_SERVICE: ServiceDefinition<typeof gatewayConfigSchema> = {
  serviceName: 'gateway',
  configSchema: gatewayConfigSchema,
  configToken: GATEWAY_CONFIG,
};
