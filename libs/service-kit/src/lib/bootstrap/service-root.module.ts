import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { ConfigToken } from '../config/config-token';
import type { ServiceSettings } from '../config/service-config.schema';
import { ServiceConfigModule } from '../config/service-config.module';
import { createLoggerParams } from '../logging/logger.options';
import type { AppModuleRef } from './service-options';

/** What the root module wires around the app module. */
export interface ServiceRootOptions<C extends ServiceSettings> {
  readonly serviceName: string;
  readonly appModule: AppModuleRef;
  readonly config: C;
  readonly configToken: ConfigToken<C>;
  readonly logDestination?: DestinationStream;
}

/** The module Nest boots: the app module plus its configuration and JSON logger. */
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
        options.appModule,
      ],
    };
  }
}
