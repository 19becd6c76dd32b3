import type { z } from 'zod';
import { createConfigToken, serviceConfigSchema, type ServiceDefinition } from '@iomt/service-kit';

/**
 * Settings of the operation-router service: PORT (default 8090), HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS.
 * Infra fragments (Service Bus, Cosmos) are added here with `.extend(fragment.shape)`.
 */
export const operationRouterConfigSchema = serviceConfigSchema({ defaultPort: 8090 });

/** The validated settings of the operation-router service. */
export type OperationRouterConfig = z.output<typeof operationRouterConfigSchema>;

/** Injects {@link OperationRouterConfig}: `@Inject(OPERATION_ROUTER_CONFIG) config: OperationRouterConfig`. */
export const OPERATION_ROUTER_CONFIG = createConfigToken<OperationRouterConfig>('OPERATION_ROUTER_CONFIG');

/** How `main.ts` and the tests start the operation-router service. */
export const OPERATION_ROUTER_SERVICE: ServiceDefinition<typeof operationRouterConfigSchema> = {
  serviceName: 'operation-router',
  configSchema: operationRouterConfigSchema,
  configToken: OPERATION_ROUTER_CONFIG,
};
