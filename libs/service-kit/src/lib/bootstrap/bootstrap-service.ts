import { Logger } from 'nestjs-pino';
import type { z } from 'zod';
import { ConfigValidationError } from '../config/config-validation.error';
import type { ServiceSettings } from '../config/service-config.schema';
import { createStartupLogger } from '../logging/logger.options';
import { BOOTSTRAP_LOG_CONTEXT, createService, type RunningService } from './create-service';
import type { AppModuleRef, ServiceOptions } from './service-options';
import { handleShutdownSignals } from './shutdown-watchdog';

/**
 * Starts a service process from its `main.ts`: {@link createService} plus graceful shutdown
 * on SIGTERM/SIGINT. When the service cannot start it writes one fatal JSON line to stderr
 * (for bad settings: their names, no stack trace) and exits 1.
 */
export async function bootstrapService<S extends z.ZodType<ServiceSettings>>(
  appModule: AppModuleRef,
  options: ServiceOptions<S>,
): Promise<RunningService<z.output<S>>> {
  try {
    const service = await createService(appModule, options);
    handleShutdownSignals(service.app, service.config.SHUTDOWN_TIMEOUT_MS, service.app.get(Logger));
    return service;
  } catch (error) {
    reportStartupFailure(options.serviceName, error);
    return process.exit(1);
  }
}

function reportStartupFailure(serviceName: string, error: unknown): void {
  const logger = createStartupLogger(serviceName).child({ context: BOOTSTRAP_LOG_CONTEXT });
  if (error instanceof ConfigValidationError) {
    logger.fatal({ settings: error.settings }, error.message);
  } else {
    logger.fatal({ err: error }, `${serviceName} failed to start`);
  }
}
