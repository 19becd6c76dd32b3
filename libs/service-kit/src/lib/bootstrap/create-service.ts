import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import type { z } from 'zod';
import { loadConfig } from '../config/load-config';
import type { ServiceSettings } from '../config/service-config.schema';
import { QUIET_PATHS } from '../logging/logger.options';
import { createHttpServerSpanMiddleware } from '../telemetry/http-server-span.middleware';
import { startTelemetry, type Telemetry } from '../telemetry/telemetry';
import { loadTelemetrySettings } from '../telemetry/telemetry.settings';
import { ServiceRootModule } from './service-root.module';
import type { AppModuleRef, ServiceOptions } from './service-options';

/** Log context of the lines about starting and stopping. */
export const BOOTSTRAP_LOG_CONTEXT = 'Bootstrap';

/** A started service. */
export interface RunningService<C extends ServiceSettings> {
  /** The Nest application; `app.close()` shuts it down gracefully. */
  readonly app: INestApplication;
  /** The validated, frozen settings. */
  readonly config: Readonly<C>;
  /** Where the HTTP server listens, with the port the OS chose when `PORT` was 0. */
  readonly url: string;
}

/**
 * Validates the settings (the app's and the standard `OTEL_*` ones), starts telemetry, builds the
 * Nest app around `appModule` with JSON logging, request spans and `/metrics`, and listens.
 * Installs no signal handlers (see `bootstrapService`), so tests can run it in-process (one
 * service per process for logging and telemetry: see `resetServiceLoggerForTests`).
 * @throws ConfigValidationError before anything starts when a setting is wrong or missing.
 */
export async function createService<S extends z.ZodType<ServiceSettings>>(
  appModule: AppModuleRef,
  options: ServiceOptions<S>,
): Promise<RunningService<z.output<S>>> {
  const env = options.env ?? process.env;
  const config = loadConfig(options.configSchema, env);
  const telemetry = startTelemetry(loadTelemetrySettings(env, options.serviceName), options.telemetry);
  try {
    return await buildAndListen(appModule, options, config, telemetry);
  } catch (error) {
    await telemetry.shutdown();
    throw error;
  }
}

async function buildAndListen<S extends z.ZodType<ServiceSettings>>(
  appModule: AppModuleRef,
  options: ServiceOptions<S>,
  config: Readonly<z.output<S>>,
  telemetry: Telemetry,
): Promise<RunningService<z.output<S>>> {
  const root = ServiceRootModule.forRoot({ ...options, appModule, config, telemetry });
  // Nest's own lines wait in a buffer until the JSON logger exists. abortOnError: false turns
  // DI failures into rejections instead of abort(); autoFlushLogs: false keeps Nest from
  // dumping the buffer in its console format when that happens (the caller reports it).
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  // Before Nest's own middleware (registered at listen), so request logs see the request's span.
  app.use(createHttpServerSpanMiddleware(QUIET_PATHS));
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    await app.close();
    throw error;
  }
  const url = urlOf(app.getHttpServer().address() as AddressInfo);
  logger.log({ msg: `${options.serviceName} listening on ${url}`, url }, BOOTSTRAP_LOG_CONTEXT);
  return { app, config, url };
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
