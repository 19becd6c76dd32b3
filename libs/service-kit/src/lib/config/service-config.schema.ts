import { z } from 'zod';
import { durationMsSetting, hostSetting, logLevelSetting, portSetting, type LogLevel } from './settings';

/** How long a service waits for a graceful shutdown before it forces exit 1. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** Interface a service binds to unless `HOST` says otherwise (loopback: safe by default). */
export const DEFAULT_HOST = '127.0.0.1';

/** The settings every service process has; `bootstrapService` reads them. */
export interface ServiceSettings {
  /** HTTP port; 0 lets the OS choose. */
  readonly PORT: number;
  /** Interface the HTTP server binds to. */
  readonly HOST: string;
  /** Minimum level written to the log. */
  readonly LOG_LEVEL: LogLevel;
  /** Upper bound of a graceful shutdown, in milliseconds. */
  readonly SHUTDOWN_TIMEOUT_MS: number;
}

/**
 * The schema of {@link ServiceSettings} with a per-service default port. Apps compose their
 * own settings and infra fragments into it:
 * `z.object({ ...serviceConfigSchema({ defaultPort: 8081 }).shape, ...serviceBusFragment.shape })`.
 */
export function serviceConfigSchema(options: { defaultPort: number }) {
  return z.object({
    PORT: portSetting(options.defaultPort),
    HOST: hostSetting(DEFAULT_HOST),
    LOG_LEVEL: logLevelSetting('info'),
    SHUTDOWN_TIMEOUT_MS: durationMsSetting(DEFAULT_SHUTDOWN_TIMEOUT_MS),
  });
}
