import type { z } from 'zod';
import { azureConfigSchema } from '@iomt/azure';
import { serviceBusConfigSchema } from '@iomt/messaging';
import { persistenceConfigSchema } from '@iomt/persistence';
import { createConfigToken, serviceConfigSchema, type ServiceDefinition } from '@iomt/service-kit';
import { gatewaySettingsShape } from './config/gateway-settings';
import { checkGatewaySettings } from './config/settings-rules';

/**
 * Settings of the gateway: PORT (default 8080) unless GATEWAY_PORT is set, which wins so that one
 * shared environment can start every service; HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS; the gateway's
 * own settings (`config/gateway-settings.ts`: authentication, long-running operations, admission,
 * lists); and the infra fragments: the Global DB (COSMOS_*), Service Bus (SERVICEBUS_*) and ARM
 * (ARM_*: where connection keys are read).
 */
export const gatewayConfigSchema = serviceConfigSchema({ defaultPort: 8080 })
  .extend(gatewaySettingsShape)
  .extend(persistenceConfigSchema.shape)
  .extend(serviceBusConfigSchema.shape)
  .extend(azureConfigSchema.shape)
  .superRefine(checkGatewaySettings)
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
