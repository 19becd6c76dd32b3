import type { INestApplication, LoggerService } from '@nestjs/common';
import { BOOTSTRAP_LOG_CONTEXT } from './create-service';

/** Signals that stop a service gracefully. */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * On SIGTERM/SIGINT, Nest closes the app (module destroy hooks, HTTP server, shutdown
 * hooks) and exits 0 (`useProcessExit`: the default re-raises the signal, which would end
 * the process with 128+n). A watchdog forces exit 1 when that takes longer than `timeoutMs`.
 */
export function handleShutdownSignals(app: INestApplication, timeoutMs: number, logger: LoggerService): void {
  app.enableShutdownHooks([...SHUTDOWN_SIGNALS], { useProcessExit: true });
  const startWatchdog = (signal: NodeJS.Signals) => {
    logger.log({ msg: `received ${signal}; shutting down`, signal, timeoutMs }, BOOTSTRAP_LOG_CONTEXT);
    // Not unref'd: a shutdown stuck on a promise with no open handles must still end in exit 1.
    setTimeout(() => {
      logger.error({ msg: `shutdown did not finish within ${timeoutMs} ms; forcing exit` }, BOOTSTRAP_LOG_CONTEXT);
      process.exit(1);
    }, timeoutMs);
  };
  // Nest ignores repeated signals while it closes; the watchdog starts on the first only.
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, startWatchdog);
}
