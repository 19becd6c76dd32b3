import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { ConfigToken } from '../config/config-token';
import type { ServiceSettings } from '../config/service-config.schema';
import { ServiceConfigModule } from '../config/service-config.module';
import { createLoggerParams } from '../logging/logger.options';
import type { Telemetry } from '../telemetry/telemetry';
import { TelemetryModule } from '../telemetry/telemetry.module';
import type { AppModuleRef } from './service-options';

/** What the root module wires around the app module. */
export interface ServiceRootOptions<C extends ServiceSettings> {
  /** Written as `service` on every log line. */
  readonly serviceName: string;
  /** The app's own module (controllers, use cases, `HealthModule.forRoot`). */
  readonly appModule: AppModuleRef;
  /** The validated settings, provided under `configToken` to every module. */
  readonly config: C;
  /** The app's typed configuration token. */
  readonly configToken: ConfigToken<C>;
  /** Log destination; stdout when omitted. */
  readonly logDestination?: DestinationStream;
  /** The process's telemetry, started before the app is built. */
  readonly telemetry: Telemetry;
}

/** The module Nest boots: the app module plus its configuration, JSON logger and telemetry (`/metrics`). */
@Module({})
export class ServiceRootModule {
  /** Composes the app module with the shared infrastructure of every service. */
  static forRoot<C extends ServiceSettings>(options: ServiceRootOptions<C>): DynamicModule {
    const loggerParams = createLoggerParams({
      serviceName: options.serviceName,
      level: options.config.LOG_LEVEL,
      destination: options.logDestination,
    });
    return {
      module: ServiceRootModule,
      imports: [
        ServiceConfigModule.forRoot(options.configToken, options.config),
        LoggerModule.forRoot(loggerParams),
        TelemetryModule.forRoot(options.telemetry),
        options.appModule,
      ],
    };
  }
}
