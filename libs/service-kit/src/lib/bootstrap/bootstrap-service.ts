import { Logger } from 'nestjs-pino';
import type { z } from 'zod';
import { ConfigValidationError } from '../config/config-validation.error';
import type { ServiceSettings } from '../config/service-config.schema';
import { createFatalLogger } from '../logging/logger.options';
import { BOOTSTRAP_LOG_CONTEXT, createService, type RunningService } from './create-service';
import type { AppModuleRef, ServiceOptions } from './service-options';
import { handleShutdownSignals } from './shutdown-signals';

/**
 * Starts a service process from its `main.ts`: {@link createService} plus graceful shutdown
 * on SIGTERM/SIGINT. When the service cannot start, or later crashes on an uncaught error,
 * it writes one fatal JSON line to stderr (for bad settings: their names, no stack trace)
 * and exits 1.
 */
export async function bootstrapService<S extends z.ZodType<ServiceSettings>>(
  appModule: AppModuleRef,
  options: ServiceOptions<S>,
): Promise<RunningService<z.output<S>>> {
  const fatal = createFatalLogger(options.serviceName).child({ context: BOOTSTRAP_LOG_CONTEXT });
  exitOnUncaughtErrors(fatal);
  try {
    const service = await createService(appModule, options);
    handleShutdownSignals(service.app, service.config.SHUTDOWN_TIMEOUT_MS, service.app.get(Logger));
    return service;
  } catch (error) {
    if (error instanceof ConfigValidationError) fatal.fatal({ settings: error.settings }, error.message);
    else fatal.fatal({ err: error }, `${options.serviceName} failed to start`);
    return process.exit(1);
  }
}

// Same outcome as Node's default (exit 1), but as a JSON line with secrets redacted.
function exitOnUncaughtErrors(fatal: ReturnType<typeof createFatalLogger>): void {
  const crash = (error: unknown) => {
    fatal.fatal({ err: error }, 'uncaught error; exiting');
    process.exit(1);
  };
  process.once('uncaughtException', crash);
  process.once('unhandledRejection', crash);
}
